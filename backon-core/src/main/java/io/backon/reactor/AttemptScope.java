package io.backon.reactor;

import io.backon.instrumentation.TraceScope;
import io.backon.internal.AttemptContext;
import io.backon.internal.AttemptTrace;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;

/**
 * Subscribes to the source with the attempt number set on the subscribing thread, so that {@link
 * io.backon.Retries#attemptNumber()} works in code that runs while subscribing (for example {@code
 * Mono.fromCallable} without {@code subscribeOn}), like the other faces set it while calling the
 * target; an instrumented attempt's scope is open there too. Thread hops are covered by the Reactor
 * {@code Context} and {@link AttemptNumberAccessor}.
 */
final class AttemptScope<T> extends Flux<T> {

  private final Publisher<T> source;
  private final int attempt;
  private final @Nullable AttemptTrace trace;

  AttemptScope(Publisher<T> source, int attempt, @Nullable AttemptTrace trace) {
    this.source = source;
    this.attempt = attempt;
    this.trace = trace;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    AttemptContext context = AttemptContext.current();
    int saved = context.enter(attempt);
    TraceScope scope = AttemptTrace.open(trace);
    try {
      source.subscribe(actual);
    } finally {
      AttemptTrace.close(scope);
      context.restore(saved);
    }
  }
}
