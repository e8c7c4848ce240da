package dev.condis.jpf;

import java.util.concurrent.TimeUnit;

/**
 * Test fixture for JpfCompatibilityTest: a lambda at bootstrap index 1 and javac's enum-switch
 * map class JpfLambdaNameClash$1, the name JPF gives that lambda's class.
 */
@SuppressWarnings("unused")
final class JpfLambdaNameClash {
  Runnable first() {
    return () -> {};
  }

  Runnable second() {
    return () -> {};
  }

  int which(TimeUnit unit) {
    switch (unit) {
      case SECONDS:
        return 1;
      default:
        return 0;
    }
  }
}
