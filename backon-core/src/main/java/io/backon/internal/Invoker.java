package io.backon.internal;

import io.backon.CheckedRunnable;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs a blocking target given as a {@link Callable}, a {@link Supplier} or a {@link
 * CheckedRunnable} without allocating an adapter; the three instances are shared. Not API.
 */
abstract class Invoker {

  /** Targets that are {@link Callable}s. */
  static final Invoker CALLABLE =
      new Invoker() {
        @Override
        <T extends @Nullable Object> T invoke(Object target) throws Exception {
          return Nulls.<Callable<T>>cast(target).call();
        }
      };

  /** Targets that are {@link Supplier}s. */
  static final Invoker SUPPLIER =
      new Invoker() {
        @Override
        <T extends @Nullable Object> T invoke(Object target) {
          return Nulls.<Supplier<T>>cast(target).get();
        }
      };

  /** Targets that are {@link CheckedRunnable}s; their value is {@code null}. */
  static final Invoker RUNNABLE =
      new Invoker() {
        @Override
        <T extends @Nullable Object> T invoke(Object target) throws Exception {
          ((CheckedRunnable) target).run();
          return Nulls.cast(null);
        }
      };

  private Invoker() {}

  /** Runs {@code target} once and returns its value. */
  abstract <T extends @Nullable Object> T invoke(Object target) throws Exception;

  /**
   * {@code target} as a {@link Callable}, for the layers that run copies (an adapter when needed).
   */
  final <T extends @Nullable Object> Callable<T> asCallable(Object target) {
    if (this == CALLABLE) {
      return Nulls.cast(target);
    }
    return new Callable<>() {
      @Override
      public T call() throws Exception {
        return invoke(target);
      }

      @Override
      public String toString() {
        return target.toString();
      }
    };
  }
}
