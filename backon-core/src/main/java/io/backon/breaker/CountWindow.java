package io.backon.breaker;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last {@code size} outcomes in a lock-free ring. A writer claims a slot with an atomic cursor,
 * swaps its outcome in with {@code getAndSet}, and adjusts the running totals by the difference to
 * the outcome it replaced. Because every swap returns exactly the value it replaced, each delta is
 * applied exactly once: <b>when no write is in progress the totals equal the ring's contents</b>.
 *
 * <p>Races allowed: a reader may see totals that miss the deltas of writes in progress (at most one
 * call per concurrent writer), and may briefly see {@code failed}/{@code slow} updated before
 * {@code calls} (clamped by {@link CallWindow.Totals}). Writers that lap the ring concurrently on
 * the same slot are serialized by the swap. A fast success replacing a fast success writes nothing,
 * and a fast success into a full ring of fast successes does not even advance the cursor (every
 * slot is alike, so the ring's contents are the same either way); racing a failure, it counts as
 * recorded just before it.
 */
final class CountWindow implements CallWindow {

  /** Marks a slot as holding an outcome (an empty slot is {@code 0}). */
  private static final int RECORDED = 4;

  private final int size;
  private final AtomicIntegerArray slots;
  private final AtomicLong cursor = new AtomicLong();
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger slow = new AtomicInteger();

  CountWindow(int size) {
    this.size = size;
    this.slots = new AtomicIntegerArray(size);
  }

  @Override
  public void record(int outcome) {
    if (outcome == 0 && failed.get() == 0 && slow.get() == 0 && calls.get() == size) {
      return; // a full ring of fast successes stays one: no write, so no contention on the cursor
    }
    int value = RECORDED | outcome;
    int index = (int) (cursor.getAndIncrement() % size);
    if (slots.get(index) == value) {
      return; // same outcome: as if written just now and the totals are unchanged
    }
    int old = slots.getAndSet(index, value);
    if (old == value) {
      return;
    }
    if (old == 0) {
      calls.incrementAndGet();
    }
    int failedDelta = (value & FAILED) - (old & FAILED);
    if (failedDelta != 0) {
      failed.addAndGet(failedDelta);
    }
    int slowDelta = ((value & SLOW) - (old & SLOW)) >> 1;
    if (slowDelta != 0) {
      slow.addAndGet(slowDelta);
    }
  }

  @Override
  public Totals totals() {
    return new Totals(calls.get(), Math.max(failed.get(), 0), Math.max(slow.get(), 0));
  }
}
