package io.backon.sample.scenarios;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.backon.sample.client.DownstreamReply;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one run of a scenario did: the JSON body of {@code GET /scenarios/{name}}. Absent values are
 * left out of the JSON.
 *
 * @param scenario the scenario's name
 * @param policy the Backon policy its method runs under
 * @param requestId the {@code X-Request-Id} of every attempt of the call
 * @param outcome success, fallback or failure
 * @param reply the downstream's answer, or the fallback's value; absent for a failure
 * @param error the failure the caller got, or the one the fallback replaced; absent on success
 * @param serverHits the hits the downstream counted for {@code requestId}: the attempts that
 *     reached it (hedged copies included) when the call ended
 * @param attemptNumbers {@code Retries.attemptNumber()} of every attempt (and hedged copy) as the
 *     HTTP client saw it, in order; 0 means no Backon attempt was running
 * @param elapsedMs how long the call took, waits included, in milliseconds
 * @param circuitBreaker the policy's breaker after the call; absent when it has none
 * @param budget the policy's retry budget after the call; absent when it has none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScenarioResult(
    String scenario,
    String policy,
    String requestId,
    Outcome outcome,
    @Nullable DownstreamReply reply,
    @Nullable Failure error,
    long serverHits,
    List<Integer> attemptNumbers,
    long elapsedMs,
    @Nullable BreakerState circuitBreaker,
    @Nullable BudgetState budget) {

  /** Copies the attempt numbers. */
  public ScenarioResult {
    attemptNumbers = List.copyOf(attemptNumbers);
  }

  /** How the call ended. */
  public enum Outcome {
    /** The downstream answered 2xx. */
    @JsonProperty("success")
    SUCCESS,
    /** The call gave up and its fallback answered. */
    @JsonProperty("fallback")
    FALLBACK,
    /** The call gave up and the caller got {@link ScenarioResult#error()}. */
    @JsonProperty("failure")
    FAILURE
  }

  /**
   * A failure, as the caller received it.
   *
   * @param type the exception's class name
   * @param message its message
   * @param cause the class name of its cause, if any (for example the last attempt's failure of a
   *     {@code DeadlineExceededException})
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Failure(String type, @Nullable String message, @Nullable String cause) {

    /** Describes {@code failure}. */
    public static Failure of(Throwable failure) {
      Throwable cause = failure.getCause();
      return new Failure(
          failure.getClass().getName(),
          failure.getMessage(),
          cause == null ? null : cause.getClass().getName());
    }
  }

  /**
   * A circuit breaker after the call.
   *
   * @param name its name
   * @param state CLOSED, OPEN, HALF_OPEN, FORCED_OPEN or DISABLED
   */
  public record BreakerState(String name, String state) {}

  /**
   * A retry budget after the call.
   *
   * @param name its name
   * @param tokens the tokens left; retries are refused at or below half of {@code maxTokens}
   * @param maxTokens a full bucket
   * @param retriesRefused retries refused since the start (or the last reset)
   */
  public record BudgetState(String name, double tokens, int maxTokens, long retriesRefused) {}
}
