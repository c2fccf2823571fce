package io.backon.micrometer;

import io.micrometer.core.instrument.Meter;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * A fixed number of meters indexed by an enum's ordinal, each registered on first use and kept, so
 * recording into it allocates nothing after that. Two threads may resolve the same slot at once;
 * the registry hands both the same meter. Thread-safe.
 *
 * @param <M> the meter type
 */
final class MeterSlots<M extends Meter> {

  private final AtomicReferenceArray<M> meters;
  private final IntFunction<M> register;

  /**
   * @param size the number of slots, e.g. {@code CallOutcome.values().length}
   * @param register registers (or looks up) the meter of a slot in the registry
   */
  MeterSlots(int size, IntFunction<M> register) {
    this.meters = new AtomicReferenceArray<>(size);
    this.register = register;
  }

  /** The meter of slot {@code index} if it was registered, else {@code null}; registers nothing. */
  @Nullable M peek(int index) {
    return meters.get(index);
  }

  /** The meter of slot {@code index}, registered on first use. */
  M get(int index) {
    M meter = meters.get(index);
    if (meter == null) {
      meter = register.apply(index);
      meters.set(index, meter);
    }
    return meter;
  }
}
