package dev.condis.reference.platform;

import dev.condis.reference.PublicApi;

/** An opaque lock created by {@link Platform#newLock(String)}. */
@PublicApi
public interface PlatformLock {
  String name();
}
