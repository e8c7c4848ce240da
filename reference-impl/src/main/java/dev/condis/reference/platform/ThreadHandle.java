package dev.condis.reference.platform;

/** An opaque handle to a thread started by {@link Platform#startThread(String, Runnable)}. */
public interface ThreadHandle {
  String name();
}
