package io.backon.spring.boot.autoconfigure.tracing;

import io.backon.Backon;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A downstream client of the traced app, one method per face: blocking, future, Mono and hedged.
 * Each attempt notes the span current where its code runs and logs {@code Charging the card} at
 * INFO on the logger {@code payments}; the first {@link #failFirst} attempts of every call fail
 * with an {@link IOException} whose message carries a response body.
 */
public class Payments {

  private static final Log LOGGER = LogFactory.getLog("payments");

  /** A response body, which must never reach a log line. */
  static final String BODY = "{\"card\":\"BODY-MARKER\"}";

  /** Completes futures on another thread, after the method that made them returned. */
  private static final Executor LATER = CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS);

  private final Tracer tracer;
  private final AtomicInteger attempts = new AtomicInteger();
  private final List<String> spansOfAttempts = new CopyOnWriteArrayList<>();
  private volatile int failures;

  public Payments(Tracer tracer) {
    this.tracer = tracer;
  }

  /** Makes the first {@code failures} attempts of the next calls fail; forgets earlier attempts. */
  public void failFirst(int failures) {
    this.failures = failures;
    attempts.set(0);
    spansOfAttempts.clear();
  }

  /** The span id current where each attempt's code ran, in attempt order ("none" without one). */
  public List<String> spansOfAttempts() {
    return List.copyOf(spansOfAttempts);
  }

  @Backon("payments")
  public String charge() throws IOException {
    return attempt();
  }

  @Backon("payments")
  public CompletableFuture<String> chargeLater() {
    String result;
    try {
      result = attempt();
    } catch (IOException e) {
      return CompletableFuture.supplyAsync(() -> null, LATER).thenCompose(x -> failed(e));
    }
    return CompletableFuture.supplyAsync(() -> result, LATER);
  }

  @Backon("payments")
  public Mono<String> chargeReactive() {
    return Mono.fromCallable(this::attempt).subscribeOn(Schedulers.boundedElastic());
  }

  /** The first copy hangs until it is cancelled; the hedge launched after it answers. */
  @Backon("quotes")
  public String quote() throws InterruptedException {
    noteSpan();
    if (attempts.incrementAndGet() == 1) {
      Thread.sleep(30_000);
    }
    return "quote";
  }

  private String attempt() throws IOException {
    noteSpan();
    LOGGER.info("Charging the card");
    if (attempts.incrementAndGet() <= failures) {
      throw new IOException("503 Service Unavailable: " + BODY);
    }
    return "charged";
  }

  private void noteSpan() {
    Span current = tracer.currentSpan();
    spansOfAttempts.add(current == null ? "none" : current.context().spanId());
  }

  private static CompletableFuture<String> failed(IOException e) {
    return CompletableFuture.failedFuture(e);
  }
}
