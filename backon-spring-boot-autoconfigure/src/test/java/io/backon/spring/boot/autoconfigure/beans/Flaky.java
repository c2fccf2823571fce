package io.backon.spring.boot.autoconfigure.beans;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts calls and fails the first {@code failures} of them with an IOException. */
public final class Flaky {

  private final AtomicInteger calls = new AtomicInteger();
  private volatile int failures;

  public void failFirst(int failures) {
    this.failures = failures;
    calls.set(0);
  }

  public int calls() {
    return calls.get();
  }

  /** Returns "ok#n" or throws IOException("boom#n") for the first failures calls. */
  public String next() throws IOException {
    int n = calls.incrementAndGet();
    if (n <= failures) {
      throw new IOException("boom#" + n);
    }
    return "ok#" + n;
  }
}
