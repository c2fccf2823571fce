package io.backon.reactor;

import io.backon.internal.Engine;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Bridges the attempt number between the Reactor {@code Context} (key {@link
 * BackonReactor#ATTEMPT_CONTEXT_KEY}) and the thread-local behind {@link
 * io.backon.Retries#attemptNumber()} and {@link io.backon.Retries#isRetrying()}, for Micrometer's
 * {@code context-propagation} library. With {@code Hooks.enableAutomaticContextPropagation()},
 * Reactor then restores the number on whatever thread runs an operator of the retried publisher.
 *
 * <p>{@link BackonReactor} registers it with {@code ContextRegistry.getInstance()} when it is
 * loaded; registering it again (for example through a {@code
 * META-INF/services/io.micrometer.context.ThreadLocalAccessor} entry) replaces the earlier
 * registration, since accessors are keyed. Requires {@code io.micrometer:context-propagation}.
 */
public final class AttemptNumberAccessor implements ThreadLocalAccessor<Integer> {

  /** Creates the accessor (public for {@link java.util.ServiceLoader}). */
  public AttemptNumberAccessor() {}

  static void register() {
    ContextRegistry.getInstance().registerThreadLocalAccessor(new AttemptNumberAccessor());
  }

  /** {@link BackonReactor#ATTEMPT_CONTEXT_KEY}. */
  @Override
  public Object key() {
    return BackonReactor.ATTEMPT_CONTEXT_KEY;
  }

  /** The attempt running on this thread, or {@code null} outside any attempt. */
  @Override
  public @Nullable Integer getValue() {
    int attempt = Engine.attemptNumber();
    return attempt > 0 ? attempt : null;
  }

  /** Marks attempt {@code value} as running on this thread. */
  @Override
  public void setValue(Integer value) {
    Engine.setAttemptNumber(value);
  }

  /** Marks this thread as running no attempt (the context has no attempt number). */
  @Override
  public void setValue() {
    Engine.setAttemptNumber(0);
  }

  /** Puts back the attempt number this thread had before {@link #setValue(Integer)}. */
  @Override
  public void restore(Integer previousValue) {
    Engine.setAttemptNumber(previousValue);
  }

  /** Puts back "no attempt" after {@link #setValue(Integer)} on a thread that had none. */
  @Override
  public void restore() {
    Engine.setAttemptNumber(0);
  }
}
