package io.backon;

import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A fallback the caller applies after the call failed; see {@link
 * Fallback#appliedByCaller(Predicate)}. Immutable and thread-safe when its predicate is.
 */
final class CallerAppliedFallback implements Fallback {

  private final Predicate<? super Throwable> answers;

  CallerAppliedFallback(Predicate<? super Throwable> answers) {
    this.answers = Objects.requireNonNull(answers, "answers");
  }

  @Override
  public @Nullable Object apply(RetryEvent giveUp) {
    throw new UnsupportedOperationException(
        "the caller applies this fallback; Backon never calls it (" + giveUp + ")");
  }

  @Override
  public boolean answers(@Nullable Throwable failure) {
    return failure != null && answers.test(failure);
  }

  @Override
  public boolean isAppliedByCaller() {
    return true;
  }

  @Override
  public String toString() {
    return "Fallback.appliedByCaller(" + answers + ")";
  }
}
