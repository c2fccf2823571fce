package io.backon;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What happened at one hook of one call: the same immutable type for every {@link EventType}.
 * Thread-safe. Created only when a listener, a fallback or logging needs it.
 */
public final class RetryEvent {

  private final EventType type;
  private final String policyName;
  private final String targetName;
  private final List<@Nullable Object> arguments;
  private final int attemptNumber;
  private final Duration elapsed;
  private final @Nullable Object value;
  private final @Nullable Throwable failure;
  private final Duration wait;
  private final @Nullable GiveUpReason giveUpReason;
  private final @Nullable String giveUpDescription;

  /**
   * Creates an event whose give-up reason, if any, is described by {@link
   * GiveUpReason#description()}; engine code and tests use this, listeners only read events.
   *
   * @param arguments the target's arguments; copied into an unmodifiable list
   */
  public RetryEvent(
      EventType type,
      String policyName,
      String targetName,
      List<@Nullable Object> arguments,
      int attemptNumber,
      Duration elapsed,
      @Nullable Object value,
      @Nullable Throwable failure,
      Duration wait,
      @Nullable GiveUpReason giveUpReason) {
    this(
        type,
        policyName,
        targetName,
        arguments,
        attemptNumber,
        elapsed,
        value,
        failure,
        wait,
        giveUpReason,
        giveUpReason == null ? null : giveUpReason.description());
  }

  /**
   * Creates an event whose give-up reason is described in the policy's words (see {@link
   * RetryPolicy#describe(GiveUpReason)}).
   *
   * @param arguments the target's arguments; copied into an unmodifiable list
   * @param giveUpDescription why the call gave up, in words; ignored without {@code giveUpReason}
   * @throws NullPointerException when {@code giveUpReason} is given without a description
   */
  public RetryEvent(
      EventType type,
      String policyName,
      String targetName,
      List<@Nullable Object> arguments,
      int attemptNumber,
      Duration elapsed,
      @Nullable Object value,
      @Nullable Throwable failure,
      Duration wait,
      @Nullable GiveUpReason giveUpReason,
      @Nullable String giveUpDescription) {
    this.type = Objects.requireNonNull(type, "type");
    this.policyName = Objects.requireNonNull(policyName, "policyName");
    this.targetName = Objects.requireNonNull(targetName, "targetName");
    this.arguments = Invocation.copyOf(arguments);
    this.attemptNumber = attemptNumber;
    this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
    this.value = value;
    this.failure = failure;
    this.wait = Objects.requireNonNull(wait, "wait");
    this.giveUpReason = giveUpReason;
    this.giveUpDescription =
        giveUpReason == null
            ? null
            : Objects.requireNonNull(giveUpDescription, "giveUpDescription");
  }

  /** The hook this event is delivered to. */
  public EventType type() {
    return type;
  }

  /** The name of the policy, {@code "default"} when it has none. */
  public String policyName() {
    return policyName;
  }

  /** The name of the target, e.g. {@code PaymentClient.charge} or a lambda's declaring class. */
  public String targetName() {
    return targetName;
  }

  /** The target's arguments (unmodifiable, may contain nulls; empty when unknown). */
  public List<@Nullable Object> arguments() {
    return arguments;
  }

  /** The 1-based attempt number this event belongs to. */
  public int attemptNumber() {
    return attemptNumber;
  }

  /**
   * Time since the call started. A policy that reads no clock when a call starts (no time limit,
   * fallback, statistics, instrumentation, hedging, attempt timeout or success-path listener)
   * counts it from the end of the first attempt, so that a success costs no clock read.
   */
  public Duration elapsed() {
    return elapsed;
  }

  /** The value of the attempt ({@code AFTER}, {@code SUCCESS}, or a rejected result), else null. */
  public @Nullable Object value() {
    return value;
  }

  /** The failure of the attempt, or {@code null} when it returned a value or has not run yet. */
  public @Nullable Throwable failure() {
    return failure;
  }

  /**
   * The upcoming back-off ({@code BEFORE_SLEEP}, {@code BACKOFF}); {@link Duration#ZERO} otherwise.
   */
  public Duration waitDuration() {
    return wait;
  }

  /** Why the call gave up ({@code GIVE_UP} only); {@code null} otherwise. */
  public @Nullable GiveUpReason giveUpReason() {
    return giveUpReason;
  }

  /**
   * Why the call gave up, in the words of its give-up log line ({@code GIVE_UP} only, else {@code
   * null}): the reason a {@code giveUpIf} predicate was given with ({@link
   * RetryPolicyBuilder#giveUpIf(java.util.function.Predicate, String)}) when it matched, else
   * {@link GiveUpReason#description()}.
   */
  public @Nullable String giveUpDescription() {
    return giveUpDescription;
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("RetryEvent{")
            .append(type)
            .append(", policy=")
            .append(policyName)
            .append(", target=")
            .append(targetName)
            .append(", attempt=")
            .append(attemptNumber)
            .append(", elapsed=")
            .append(elapsed);
    if (failure != null) {
      sb.append(", failure=").append(failure);
    } else if (type == EventType.AFTER || type == EventType.SUCCESS || type == EventType.GIVE_UP) {
      sb.append(", value=").append(value);
    }
    if (!wait.isZero()) {
      sb.append(", wait=").append(wait);
    }
    if (giveUpReason != null) {
      sb.append(", reason=").append(giveUpDescription);
    }
    return sb.append('}').toString();
  }
}
