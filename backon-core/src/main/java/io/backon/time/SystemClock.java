package io.backon.time;

import java.time.Instant;

/** The JVM's clocks. */
enum SystemClock implements Clock {
  INSTANCE;

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Instant wallTime() {
    return Instant.now();
  }

  @Override
  public String toString() {
    return "Clock.system()";
  }
}
