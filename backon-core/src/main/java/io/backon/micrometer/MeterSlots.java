package io.backon.micrometer;

import io.micrometer.core.instrument.Meter;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * A fixed number of meters indexed by an enum's ordinal, each registered on first use and kept, so
 * recording into it allocates nothing after that. Two threads may resolve the same slot at once;
 * the registry hands both the same meter. A slot whose registration throws (a meter filter of the
 * application's that fails) is logged once at WARNING and records nothing from then on, so a broken
 * filter costs one log line per meter, not one per call. Thread-safe.
 *
 * @param <M> the meter type
 */
final class MeterSlots<M extends Meter> {

  private static final System.Logger LOGGER = System.getLogger("io.backon.micrometer");

  private final AtomicReferenceArray<M> meters;
  private final IntFunction<M> register;
  private final M unregistered;
  private final String what;

  /**
   * @param size the number of slots, e.g. {@code CallOutcome.values().length}
   * @param register registers (or looks up) the meter of a slot in the registry
   * @param unregistered a no-op meter for a slot whose registration threw
   * @param what the meters for the log line, e.g. {@code backon.calls of policy 'payments'}
   */
  MeterSlots(int size, IntFunction<M> register, M unregistered, String what) {
    this.meters = new AtomicReferenceArray<>(size);
    this.register = register;
    this.unregistered = unregistered;
    this.what = what;
  }

  /** The meter of slot {@code index} if it was registered, else {@code null}; registers nothing. */
  @Nullable M peek(int index) {
    return meters.get(index);
  }

  /** The meter of slot {@code index}, registered on first use. */
  M get(int index) {
    M meter = meters.get(index);
    return meter != null ? meter : registerOrNot(index);
  }

  /**
   * Registers slot {@code index}'s meter, or keeps the no-op meter when that throws; the first
   * thread to fill the slot wins, and only a failure that filled it is logged.
   */
  private M registerOrNot(int index) {
    try {
      M registered = register.apply(index);
      meters.compareAndSet(index, null, registered);
    } catch (RuntimeException failure) {
      if (!meters.compareAndSet(index, null, unregistered)) {
        return meters.get(index);
      }
      LOGGER.log(
          System.Logger.Level.WARNING,
          "Cannot register "
              + what
              + " (slot "
              + index
              + "): "
              + failure
              + "; it records nothing (is a MeterFilter failing?)",
          failure);
    }
    return meters.get(index);
  }
}
