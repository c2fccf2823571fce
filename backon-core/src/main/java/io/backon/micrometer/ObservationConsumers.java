package io.backon.micrometer;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.lang.reflect.Method;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * Whether an observation registry's handlers consume Backon's observations beyond the meters that
 * Backon records itself. A registry whose only handlers are Micrometer's {@code
 * DefaultMeterObservationHandler} (directly or inside composite handlers) turns each observation
 * into timers that duplicate {@code backon.calls} and {@code backon.attempts}, at about 2.5 KB per
 * observation; any other handler (a tracing handler, one of the application's) consumes them.
 *
 * <p>Micrometer keeps a registry's handlers package-private, so they are read once by reflection:
 * the registry's live handler list, re-checked only when its size changed (handlers can be added,
 * not removed). When the list cannot be read (a native image without Backon's reachability
 * metadata, a registry of another kind), every call counts as consumed, so nothing is lost.
 * Thread-safe.
 */
final class ObservationConsumers {

  private static final System.Logger LOGGER = System.getLogger("io.backon.micrometer");

  private static final String METER_HANDLER =
      "io.micrometer.core.instrument.observation.DefaultMeterObservationHandler";

  /** What was concluded from a handler list of a given size. */
  private record Verdict(int handlerCount, boolean beyondMeters) {}

  private final @Nullable Collection<?> handlers;
  private volatile Verdict verdict = new Verdict(-1, true);

  /**
   * @param handlers the registry's live handler list, or {@code null} when it cannot be read
   */
  ObservationConsumers(@Nullable Collection<?> handlers) {
    this.handlers = handlers;
  }

  /** The consumers of {@code registry}'s observations, read from its handler list. */
  static ObservationConsumers of(ObservationRegistry registry) {
    return new ObservationConsumers(handlersOf(registry));
  }

  /**
   * Whether a handler other than a meter observation handler is registered now, or the handlers
   * cannot be read.
   */
  boolean beyondMeters() {
    Collection<?> live = handlers;
    if (live == null) {
      return true;
    }
    Verdict seen = verdict;
    if (seen.handlerCount() != live.size()) {
      Object[] snapshot = live.toArray();
      seen = new Verdict(snapshot.length, anyBeyondMeters(snapshot));
      verdict = seen;
    }
    return seen.beyondMeters();
  }

  private static boolean anyBeyondMeters(Object[] handlers) {
    for (Object handler : handlers) {
      if (beyondMeters(handler)) {
        return true;
      }
    }
    return false;
  }

  private static boolean beyondMeters(Object handler) {
    if (handler instanceof ObservationHandler.CompositeObservationHandler composite) {
      return anyBeyondMeters(composite.getHandlers().toArray());
    }
    return !handler.getClass().getName().equals(METER_HANDLER);
  }

  private static @Nullable Collection<?> handlersOf(ObservationRegistry registry) {
    ObservationRegistry.ObservationConfig config = registry.observationConfig();
    try {
      Method handlers =
          ObservationRegistry.ObservationConfig.class.getDeclaredMethod("getObservationHandlers");
      handlers.setAccessible(true);
      return (Collection<?>) handlers.invoke(config);
    } catch (ReflectiveOperationException | RuntimeException unreadable) {
      LOGGER.log(
          System.Logger.Level.DEBUG,
          "Cannot read the observation handlers of "
              + registry
              + "; every Backon call will be observed ("
              + unreadable
              + ")");
      return null;
    }
  }
}
