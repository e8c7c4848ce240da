package dev.condis.explorer;

/** The operations at which a controlled thread stops and lets the explorer decide who runs. */
enum OpKind {
  ACQUIRE("acquire"),
  RELEASE("release"),
  SPAWN("spawn"),
  SPAWN_DEFERRED("spawnDeferred"),
  JOIN("join"),
  AWAIT_DEFERRED("awaitDeferred"),
  YIELD("yield");

  final String text;

  OpKind(String text) {
    this.text = text;
  }

  boolean isLockOp() {
    return this == ACQUIRE || this == RELEASE;
  }
}
