package dev.condis.reference.platform;

import dev.condis.reference.PublicApi;

/** An opaque handle to a thread started by {@link Platform#startThread(String, Runnable)}. */
@PublicApi
public interface ThreadHandle {
  String name();
}
