package io.backon.time;

import java.util.concurrent.TimeUnit;

/** Sleeps the current thread for real. */
enum ThreadSleeper implements Sleeper {
  INSTANCE;

  @Override
  public void sleep(long nanos) throws InterruptedException {
    if (nanos <= 0) {
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted before a back-off sleep");
      }
      return;
    }
    TimeUnit.NANOSECONDS.sleep(nanos);
  }

  @Override
  public String toString() {
    return "Sleeper.threadSleep()";
  }
}
