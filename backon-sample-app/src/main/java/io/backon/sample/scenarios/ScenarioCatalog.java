package io.backon.sample.scenarios;

import io.backon.sample.client.CallTrace;
import io.backon.sample.client.DownstreamReply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;

/**
 * Every scenario of the app, by name, in the order {@code GET /scenarios} lists them. Immutable.
 */
@Component
public class ScenarioCatalog {

  private final Map<String, Scenario> scenarios = new LinkedHashMap<>();

  ScenarioCatalog(DownstreamService sync, AsyncDownstreamService async, CatalogService catalog) {
    blocking(
        "retry",
        "downstream-retry",
        "RestClient; retries 5xx, 429 and resets up to 4 attempts, waits what Retry-After asks",
        sync::withRetry);
    blocking(
        "breaker",
        "downstream-breaker",
        "every attempt through the circuit breaker 'downstream' (opens after 5 failures in a row)",
        sync::behindBreaker);
    blocking(
        "hedged",
        "downstream-hedged",
        "a second copy after 50 ms without an answer; the first answer wins, the other is cancelled",
        sync::hedged);
    blocking(
        "deadline",
        "downstream-deadline",
        "attempt timeout 300 ms (retried), deadline 1 s for the whole call",
        sync::withDeadline);
    blocking(
        "budget",
        "downstream-budgeted",
        "retries spend the shared retry budget 'downstream'; an empty budget refuses them",
        sync::budgeted);
    blocking(
        "fallback",
        "downstream-retry",
        "@Backon(maxTries = 3, fallback = \"lastKnownGood\"): the last good reply instead of a failure",
        sync::withFallback);
    blocking(
        "http",
        "downstream-http",
        "no @Backon: Backon's HTTP layer in the RestClient retries 5xx, 429 and resets, honours "
            + "Retry-After, one circuit breaker for the downstream's host",
        sync::throughHttpLayer);
    add(
        new Scenario(
            "async",
            "downstream-async",
            "WebClient as a CompletableFuture; no thread blocks between attempts, a slow attempt's "
                + "exchange is cancelled",
            async::future));
    add(
        new Scenario(
            "reactive",
            "downstream-async",
            "the same as a Mono: each attempt re-subscribes",
            (id, trace) ->
                async
                    .mono(id, trace)
                    .toFuture()
                    .thenApply(
                        reply -> Objects.requireNonNull(reply, "the Mono completed empty"))));
    blocking(
        "catalog-item",
        "downstream-default",
        "class-level @Backon(\"downstream-default\") on CatalogService, method item()",
        catalog::item);
    blocking(
        "catalog-price",
        "downstream-default",
        "class-level @Backon(\"downstream-default\") on CatalogService, method price()",
        catalog::price);
  }

  /** Every scenario, in display order. */
  public List<Scenario> all() {
    return List.copyOf(scenarios.values());
  }

  /** The scenario called {@code name}, if there is one. */
  public Optional<Scenario> find(String name) {
    return Optional.ofNullable(scenarios.get(name));
  }

  /** The names of every scenario, in display order. */
  public List<String> names() {
    return List.copyOf(scenarios.keySet());
  }

  private void blocking(
      String name,
      String policy,
      String description,
      BiFunction<String, CallTrace, DownstreamReply> method) {
    add(
        new Scenario(
            name,
            policy,
            description,
            (id, trace) -> CompletableFuture.completedFuture(method.apply(id, trace))));
  }

  private void add(Scenario scenario) {
    scenarios.put(scenario.name(), scenario);
  }
}
