package io.backon.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One launched copy of a hedged call. {@link #terminate} is a CAS that lets exactly one terminal
 * observer callback through, whichever thread (the copy's own completion, or the call ending) gets
 * there first. Thread-safe. Not API.
 */
final class HedgeCopy<T extends @Nullable Object> {

  final int number;
  final long startNanos;
  final CompletableFuture<T> future;
  private final AtomicBoolean terminated = new AtomicBoolean();

  HedgeCopy(int number, long startNanos, CompletableFuture<T> future) {
    this.number = number;
    this.startNanos = startNanos;
    this.future = future;
  }

  /** {@code true} for the first caller only: that caller reports the copy's outcome. */
  boolean terminate() {
    return terminated.compareAndSet(false, true);
  }
}
