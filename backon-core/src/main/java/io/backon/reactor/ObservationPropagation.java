package io.backon.reactor;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.context.ThreadLocalAccessor;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

/**
 * Carries Micrometer's current observation between the Reactor {@code Context} and the thread, with
 * Micrometer's {@code context-propagation} library. Reactive code keeps the current observation in
 * the subscriber's {@code Context} under {@value #KEY} (WebFlux puts the server request's there,
 * {@code WebClient} reads its parent from there), not in a thread-local: so a call starts with the
 * observation of its subscriber's Context restored on the thread (its observation becomes a child
 * of it), and an attempt whose own observation is current while its source is subscribed hands it
 * down in the source's Context (the target's WebClient exchanges become children of the attempt).
 * Loaded only when context-propagation is present. Thread-safe; not API.
 */
final class ObservationPropagation {

  /** Micrometer's {@code ObservationThreadLocalAccessor.KEY}. */
  static final String KEY = "micrometer.observation";

  private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

  private ObservationPropagation() {}

  /**
   * Runs {@code action} with the observation of {@code context} (if any) current on this thread.
   *
   * @param context the subscriber's context
   * @param action what to run, e.g. start a call
   * @return what {@code action} returned
   */
  static <T> T withObservationOf(ContextView context, Supplier<T> action) {
    if (!context.hasKey(KEY)) {
      return action.get();
    }
    try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(context, KEY)) {
      return action.get();
    }
  }

  /** The observation current on this thread, or {@code null} (none, or Micrometer absent). */
  static @Nullable Object current() {
    for (ThreadLocalAccessor<?> accessor :
        ContextRegistry.getInstance().getThreadLocalAccessors()) {
      if (KEY.equals(accessor.key())) {
        return accessor.getValue();
      }
    }
    return null;
  }
}
