package io.backon.reactor;

import io.backon.instrumentation.TraceScope;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;

/**
 * Subscribes the source with an attempt made current on the subscribing thread (its number for
 * {@code Retries.attemptNumber()}, its instrumented scope), so that code running inside the
 * source's subscription sees the attempt. Not API.
 */
final class AttemptScope<T> extends Flux<T> {

  private final Publisher<T> source;
  private final Supplier<TraceScope> enter;

  /**
   * @param enter makes the attempt current and returns the scope that undoes it
   */
  AttemptScope(Publisher<T> source, Supplier<TraceScope> enter) {
    this.source = source;
    this.enter = enter;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    TraceScope scope = enter.get();
    try {
      source.subscribe(actual);
    } finally {
      scope.close();
    }
  }
}
