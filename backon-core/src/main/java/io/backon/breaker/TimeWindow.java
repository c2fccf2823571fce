package io.backon.breaker;

import io.backon.time.Clock;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The outcomes of the last {@code seconds} seconds, in one bucket per second of the clock's
 * monotonic time, indexed by {@code second mod seconds}. Each bucket has an atomic stamp: the
 * second it counts. A writer finding a stale stamp claims the bucket by swapping the stamp to
 * {@code RESETTING}, zeroes the counts and publishes its second; readers skip stale and resetting
 * buckets.
 *
 * <p>Races allowed: an outcome recorded while its bucket is being recycled is dropped (at most one
 * per concurrent writer, once per bucket and second); a writer delayed by a whole window after
 * reading a bucket's stamp may count into the newer second; a reader sees buckets at slightly
 * different moments. All counters are atomic, so no count is ever torn or double-applied.
 */
final class TimeWindow implements CallWindow {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long RESETTING = Long.MIN_VALUE;
  private static final long NEVER = Long.MIN_VALUE + 1;

  private final int seconds;
  private final Clock clock;
  private final AtomicLongArray stamps;
  private final AtomicIntegerArray calls;
  private final AtomicIntegerArray failed;
  private final AtomicIntegerArray slow;

  TimeWindow(int seconds, Clock clock) {
    this.seconds = seconds;
    this.clock = clock;
    this.stamps = new AtomicLongArray(seconds);
    for (int i = 0; i < seconds; i++) {
      stamps.set(i, NEVER);
    }
    this.calls = new AtomicIntegerArray(seconds);
    this.failed = new AtomicIntegerArray(seconds);
    this.slow = new AtomicIntegerArray(seconds);
  }

  @Override
  public void record(int outcome) {
    long second = Math.floorDiv(clock.nanoTime(), NANOS_PER_SECOND);
    int index = (int) Math.floorMod(second, (long) seconds);
    for (; ; ) {
      long stamp = stamps.get(index);
      if (stamp == second) {
        break;
      }
      if (stamp == RESETTING || stamp > second) {
        return; // being recycled, or our second has already left the window
      }
      if (stamps.compareAndSet(index, stamp, RESETTING)) {
        calls.set(index, 0);
        failed.set(index, 0);
        slow.set(index, 0);
        stamps.set(index, second);
        break;
      }
    }
    calls.incrementAndGet(index);
    if ((outcome & FAILED) != 0) {
      failed.incrementAndGet(index);
    }
    if ((outcome & SLOW) != 0) {
      slow.incrementAndGet(index);
    }
  }

  @Override
  public Totals totals() {
    long now = Math.floorDiv(clock.nanoTime(), NANOS_PER_SECOND);
    long oldest = now - seconds;
    long totalCalls = 0;
    long totalFailed = 0;
    long totalSlow = 0;
    for (int i = 0; i < seconds; i++) {
      long stamp = stamps.get(i);
      if (stamp <= oldest || stamp > now) {
        continue; // stale, never used, resetting, or (after a clock race) ahead of us
      }
      int c = calls.get(i);
      int f = failed.get(i);
      int s = slow.get(i);
      if (stamps.get(i) == stamp) {
        totalCalls += c;
        totalFailed += f;
        totalSlow += s;
      }
    }
    return new Totals(saturated(totalCalls), saturated(totalFailed), saturated(totalSlow));
  }

  /**
   * Sums of a day of busy seconds can pass {@code Integer.MAX_VALUE}; rates stay right when capped.
   */
  private static int saturated(long total) {
    return (int) Math.min(total, Integer.MAX_VALUE);
  }
}
