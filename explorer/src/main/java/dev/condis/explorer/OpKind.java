package dev.condis.explorer;

/** The operations at which a controlled thread stops and lets the explorer decide who runs. */
enum OpKind {
  ACQUIRE("acquire"),
  RELEASE("release"),
  SPAWN("spawn"),
  SPAWN_DEFERRED("spawnDeferred"),
  JOIN("join"),
  AWAIT_DEFERRED("awaitDeferred"),
  YIELD("yield"),
  /** A yield point before a read: commutes with reads of the same label. */
  READ("read");

  final String text;

  OpKind(String text) {
    this.text = text;
  }

  /** A yield point: a write ({@link #YIELD}) or a read ({@link #READ}) of a label. */
  boolean isLabelOp() {
    return this == YIELD || this == READ;
  }

  boolean isLockOp() {
    return this == ACQUIRE || this == RELEASE;
  }
}
