package io.backon.sample.scenarios;

import io.backon.RetryPolicy;
import io.backon.breaker.CircuitBreaker;
import io.backon.budget.RetryBudget;
import io.backon.budget.RetryBudgetSnapshot;
import io.backon.sample.client.CallTrace;
import io.backon.sample.client.DownstreamReply;
import io.backon.sample.downstream.FlakyDownstream;
import io.backon.sample.scenarios.ScenarioResult.BreakerState;
import io.backon.sample.scenarios.ScenarioResult.BudgetState;
import io.backon.sample.scenarios.ScenarioResult.Failure;
import io.backon.sample.scenarios.ScenarioResult.Outcome;
import io.backon.spring.boot.autoconfigure.RetryPolicyRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Runs one call of a {@link Scenario} and reports it as a {@link ScenarioResult}: the outcome, the
 * downstream's hit count for the call's request id, the attempt numbers the client saw, the time
 * taken, and the policy's breaker and budget afterwards. Thread-safe.
 */
@Component
public class ScenarioRunner {

  private final FlakyDownstream downstream;
  private final RetryPolicyRegistry policies;

  ScenarioRunner(FlakyDownstream downstream, RetryPolicyRegistry policies) {
    this.downstream = downstream;
    this.policies = policies;
  }

  /**
   * Starts one call; a blocking scenario runs on the calling thread, so the future is complete on
   * return. The future never fails: a failed call is a result with outcome {@code failure}.
   *
   * @param requestId the {@code X-Request-Id} of every attempt of the call
   */
  public CompletableFuture<ScenarioResult> run(Scenario scenario, String requestId) {
    CallTrace trace = new CallTrace();
    long start = System.nanoTime();
    CompletionStage<DownstreamReply> call;
    try {
      call = scenario.call().start(requestId, trace);
    } catch (RuntimeException failure) {
      call = CompletableFuture.failedFuture(failure);
    }
    return call.handle(
            (reply, failure) ->
                report(
                    scenario,
                    requestId,
                    trace,
                    reply,
                    failure == null ? null : unwrap(failure),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)))
        .toCompletableFuture();
  }

  private ScenarioResult report(
      Scenario scenario,
      String requestId,
      CallTrace trace,
      @Nullable DownstreamReply reply,
      @Nullable Throwable failure,
      long elapsedMs) {
    Throwable replaced = trace.fallbackCause();
    Outcome outcome =
        failure != null ? Outcome.FAILURE : replaced != null ? Outcome.FALLBACK : Outcome.SUCCESS;
    Throwable error = failure != null ? failure : replaced;
    RetryPolicy policy = policies.find(scenario.policy()).orElse(null);
    CircuitBreaker breaker = policy == null ? null : policy.circuitBreaker();
    RetryBudget budget = policy == null ? null : policy.retryBudget();
    return new ScenarioResult(
        scenario.name(),
        scenario.policy(),
        requestId,
        outcome,
        failure == null ? reply : null,
        error == null ? null : Failure.of(error),
        downstream.hits(requestId),
        trace.attemptNumbers(),
        elapsedMs,
        breaker == null ? null : new BreakerState(breaker.name(), breaker.state().name()),
        budget == null ? null : budgetState(budget));
  }

  private static BudgetState budgetState(RetryBudget budget) {
    RetryBudgetSnapshot snapshot = budget.snapshot();
    return new BudgetState(
        budget.name(), snapshot.tokens(), snapshot.maxTokens(), snapshot.retriesRefused());
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while (current instanceof CompletionException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
