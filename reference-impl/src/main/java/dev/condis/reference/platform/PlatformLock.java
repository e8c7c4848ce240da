package dev.condis.reference.platform;

/** An opaque lock created by {@link Platform#newLock(String)}. */
public interface PlatformLock {
  String name();
}
