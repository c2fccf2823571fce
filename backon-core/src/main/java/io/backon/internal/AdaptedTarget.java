package io.backon.internal;

import io.backon.CheckedRunnable;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Callable} adapting a {@link Supplier} or {@link CheckedRunnable} for the attempt pipeline
 * (breaker, hedging, timeout), which runs callables. Not API.
 */
public final class AdaptedTarget<T extends @Nullable Object> implements Callable<T> {

  private final Object origin;
  private final @Nullable Supplier<T> supplier;
  private final @Nullable CheckedRunnable runnable;

  private AdaptedTarget(Object origin, @Nullable Supplier<T> supplier, @Nullable CheckedRunnable runnable) {
    this.origin = origin;
    this.supplier = supplier;
    this.runnable = runnable;
  }

  /** Adapts a supplier. */
  public static <T extends @Nullable Object> AdaptedTarget<T> of(Supplier<T> supplier) {
    return new AdaptedTarget<>(supplier, supplier, null);
  }

  /** Adapts a runnable; the call returns {@code null}. */
  public static AdaptedTarget<@Nullable Object> of(CheckedRunnable runnable) {
    return new AdaptedTarget<>(runnable, null, runnable);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T call() throws Exception {
    Supplier<T> s = supplier;
    if (s != null) {
      return s.get();
    }
    CheckedRunnable r = runnable;
    if (r != null) {
      r.run();
    }
    return Nulls.cast(null);
  }

  @Override
  public String toString() {
    return origin.toString();
  }
}
