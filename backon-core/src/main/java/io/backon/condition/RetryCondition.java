package io.backon.condition;

import io.backon.Describable;
import io.backon.Description;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether the outcome of an attempt is retried: a failure (the attempt threw or completed
 * exceptionally) or a value (the attempt returned, possibly {@code null}).
 *
 * <p>Build conditions with the factories of this interface and combine them:
 *
 * <pre>{@code
 * RetryCondition condition = RetryCondition.onException(IOException.class, TimeoutException.class)
 *     .or(RetryCondition.onResult(response -> ((Response) response).status() == 503))
 *     .abortingOn(FileNotFoundException.class);
 * }</pre>
 *
 * <p>Failure conditions ({@code onException}, {@code onFailure}, {@code onMessage...}) never retry
 * a value, and value conditions ({@code onResult}, {@code onResultNot}) never retry a failure.
 * {@link #negate()}, {@link #always()} and {@link #never()} cover both kinds of outcome.
 *
 * <p>Every condition returned by this interface is immutable and thread-safe, checks a failure type
 * without allocating (it is asked on every failed attempt), and has a readable {@code toString()}
 * such as {@code onException(IOException, TimeoutException)}. Predicates you hand in and
 * implementations of your own must be thread-safe too: one policy serves many calls at once.
 */
@FunctionalInterface
public interface RetryCondition extends Describable {

  /**
   * The condition policies use unless told otherwise: retries every {@link Exception} (checked or
   * unchecked), never an {@link Error}, never a value, and never an {@link InterruptedException}:
   * an interrupt asks the thread to stop, so retrying it would defeat cancellation and shutdown.
   * Equivalent to {@code onException(Exception.class).abortingOn(InterruptedException.class)}.
   */
  RetryCondition DEFAULT = abortOn(onException(Exception.class), InterruptedException.class);

  /**
   * Whether to retry after this outcome.
   *
   * @param result the value the attempt returned ({@code null} when it failed, or returned null)
   * @param failure the failure the attempt threw, or {@code null} when it returned a value
   */
  boolean shouldRetry(@Nullable Object result, @Nullable Throwable failure);

  /**
   * A condition that retries when this one and {@code other} both do: {@code all(this, other)}.
   *
   * @param other the other condition
   * @return the combined condition; asks this one first and short-circuits
   * @throws NullPointerException if {@code other} is null
   */
  default RetryCondition and(RetryCondition other) {
    Objects.requireNonNull(other, "other must not be null");
    return all(this, other);
  }

  /**
   * A condition that retries when this one or {@code other} does: {@code any(this, other)}.
   *
   * @param other the other condition
   * @return the combined condition; asks this one first and short-circuits
   * @throws NullPointerException if {@code other} is null
   */
  default RetryCondition or(RetryCondition other) {
    Objects.requireNonNull(other, "other must not be null");
    return any(this, other);
  }

  /**
   * A condition that retries exactly the outcomes this one does not, values included: {@code
   * onException(IOException.class).negate()} retries every value and every non-I/O failure. To
   * exclude failure types from a condition, prefer {@link #abortingOn(Class)}. Negating twice gives
   * this condition back.
   */
  default RetryCondition negate() {
    return new NegatedCondition(this);
  }

  /**
   * A condition that never retries failures of type {@code abortType} (subtypes included) and
   * otherwise answers like this one. The abort type wins over this condition's retry types: {@code
   * onException(IOException.class).abortingOn(FileNotFoundException.class)} retries I/O failures
   * except a missing file. Chained calls add up. For several types at once see {@link
   * #abortOn(RetryCondition, Class...)}.
   *
   * @param abortType the failure type that ends retrying at once
   * @throws NullPointerException if {@code abortType} is null
   */
  default RetryCondition abortingOn(Class<? extends Throwable> abortType) {
    return AbortOn.of(this, new Class<?>[] {abortType});
  }

  /**
   * A condition that never retries failures of {@code abortTypes} (subtypes included) and otherwise
   * answers like {@code condition}: abort types win over retry types.
   *
   * @param condition the condition that decides every other outcome
   * @param abortTypes at least one failure type, none null; the array is copied
   * @throws NullPointerException if {@code condition}, {@code abortTypes} or one of its elements is
   *     null
   * @throws IllegalArgumentException if {@code abortTypes} is empty
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read, and copied before it is kept
  static RetryCondition abortOn(
      RetryCondition condition, Class<? extends Throwable>... abortTypes) {
    return AbortOn.of(condition, abortTypes);
  }

  /**
   * Retries failures that are instances of one of {@code types}, subtypes included; never a value.
   * The check is a loop of {@link Class#isInstance} calls and does not allocate.
   *
   * @param types at least one failure type, none null; the array is copied
   * @throws NullPointerException if {@code types} or one of its elements is null
   * @throws IllegalArgumentException if {@code types} is empty
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read, and copied before it is kept
  static RetryCondition onException(Class<? extends Throwable>... types) {
    return new OnException(types);
  }

  /**
   * Retries failures that are, or are caused by, an instance of one of {@code types}: the failure
   * and its chain of {@link Throwable#getCause() causes} are inspected, for example to retry an
   * {@code UncheckedIOException} wrapping an {@code IOException}. A chain that loops back onto
   * itself is inspected once; at most 64 throwables of a chain are inspected. Never retries a
   * value.
   *
   * @param types at least one failure type, none null; the array is copied
   * @throws NullPointerException if {@code types} or one of its elements is null
   * @throws IllegalArgumentException if {@code types} is empty
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read, and copied before it is kept
  static RetryCondition onExceptionOrCause(Class<? extends Throwable>... types) {
    return new OnExceptionOrCause(types);
  }

  /**
   * Retries failures that match {@code predicate}; never a value.
   *
   * @param predicate tests the failure; asked on every failed attempt, so it must be thread-safe
   * @throws NullPointerException if {@code predicate} is null
   */
  static RetryCondition onFailure(Predicate<? super Throwable> predicate) {
    return new OnFailure(predicate);
  }

  /**
   * Retries failures whose {@link Throwable#getMessage() message} contains {@code text}
   * (case-sensitive; a null message counts as {@code ""}); never a value.
   *
   * @param text the text to look for; not empty
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code text} is empty
   */
  static RetryCondition onMessageContaining(String text) {
    return new MessageContaining(text, true);
  }

  /**
   * Retries failures whose {@link Throwable#getMessage() message} does not contain {@code text}
   * (case-sensitive; a null message counts as {@code ""}); never a value.
   *
   * @param text the text that must be absent; not empty
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code text} is empty
   */
  static RetryCondition onMessageNotContaining(String text) {
    return new MessageContaining(text, false);
  }

  /**
   * Retries failures whose {@link Throwable#getMessage() message} contains a match of {@code regex}
   * ({@link java.util.regex.Matcher#find()}; anchor with {@code ^...$} to match the whole message;
   * a null message counts as {@code ""}); never a value.
   *
   * @param regex a {@link Pattern} regular expression, compiled once here
   * @throws NullPointerException if {@code regex} is null
   * @throws java.util.regex.PatternSyntaxException if {@code regex} is not a valid expression
   */
  static RetryCondition onMessageMatching(String regex) {
    Objects.requireNonNull(regex, "regex must not be null");
    return new MessageMatching(Pattern.compile(regex), true);
  }

  /**
   * Like {@link #onMessageMatching(String)} with a compiled pattern, for example one with flags
   * such as {@link Pattern#CASE_INSENSITIVE}.
   *
   * @param pattern the pattern to find in the message
   * @throws NullPointerException if {@code pattern} is null
   */
  static RetryCondition onMessageMatching(Pattern pattern) {
    return new MessageMatching(pattern, true);
  }

  /**
   * Retries failures whose {@link Throwable#getMessage() message} contains no match of {@code
   * regex} ({@link java.util.regex.Matcher#find()}; a null message counts as {@code ""}); never a
   * value.
   *
   * @param regex a {@link Pattern} regular expression, compiled once here
   * @throws NullPointerException if {@code regex} is null
   * @throws java.util.regex.PatternSyntaxException if {@code regex} is not a valid expression
   */
  static RetryCondition onMessageNotMatching(String regex) {
    Objects.requireNonNull(regex, "regex must not be null");
    return new MessageMatching(Pattern.compile(regex), false);
  }

  /**
   * Like {@link #onMessageNotMatching(String)} with a compiled pattern.
   *
   * @param pattern the pattern that must not be found in the message
   * @throws NullPointerException if {@code pattern} is null
   */
  static RetryCondition onMessageNotMatching(Pattern pattern) {
    return new MessageMatching(pattern, false);
  }

  /**
   * Retries values (including {@code null}) that match {@code predicate}, for example an empty
   * response; never a failure.
   *
   * @param predicate tests the value; asked after every successful attempt, so it must be
   *     thread-safe
   * @throws NullPointerException if {@code predicate} is null
   */
  static RetryCondition onResult(Predicate<? super @Nullable Object> predicate) {
    return new OnResult(predicate, true);
  }

  /**
   * Retries values (including {@code null}) that do <em>not</em> match {@code predicate}, for
   * example "retry until the job reports done"; never a failure.
   *
   * @param predicate tests the value; asked after every successful attempt, so it must be
   *     thread-safe
   * @throws NullPointerException if {@code predicate} is null
   */
  static RetryCondition onResultNot(Predicate<? super @Nullable Object> predicate) {
    return new OnResult(predicate, false);
  }

  /**
   * Retries only when every one of {@code conditions} retries. Elements are asked in order and the
   * check ends at the first that does not retry. Nested {@code all(...)} are flattened; a single
   * element is returned as is.
   *
   * @param conditions at least one condition, none null; the array is copied
   * @throws NullPointerException if {@code conditions} or one of its elements is null
   * @throws IllegalArgumentException if {@code conditions} is empty
   */
  static RetryCondition all(RetryCondition... conditions) {
    return AllCondition.of(conditions);
  }

  /**
   * Retries when one of {@code conditions} retries. Elements are asked in order and the check ends
   * at the first that retries. Nested {@code any(...)} are flattened; a single element is returned
   * as is.
   *
   * @param conditions at least one condition, none null; the array is copied
   * @throws NullPointerException if {@code conditions} or one of its elements is null
   * @throws IllegalArgumentException if {@code conditions} is empty
   */
  static RetryCondition any(RetryCondition... conditions) {
    return AnyCondition.of(conditions);
  }

  /**
   * Retries every outcome, failures of any type ({@link Error}s included) and every value. Combine
   * it with a stop: on its own it retries even successful calls until the stop ends them.
   */
  static RetryCondition always() {
    return ConstantCondition.ALWAYS;
  }

  /** Retries nothing: every call makes exactly one attempt. */
  static RetryCondition never() {
    return ConstantCondition.NEVER;
  }

  /**
   * What this strategy is: the built-in ones give their factory name and parameters; your own
   * implementations give kind {@code custom} and their class name unless they override this.
   */
  @Override
  default Description describe() {
    return Description.of("custom").with("class", getClass().getName());
  }
}
