package io.backon.reactor;

import io.backon.instrumentation.TraceScope;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.util.context.Context;

/**
 * Subscribes the source with an attempt made current on the subscribing thread (its number for
 * {@code Retries.attemptNumber()}, its instrumented scope), so that code running inside the
 * source's subscription sees the attempt. When the attempt's scope makes an observation current and
 * {@code propagates}, the source also finds that observation in its Reactor {@code Context} (see
 * {@link ObservationPropagation}), where reactive instrumentation such as {@code WebClient} looks
 * for its parent. Not API.
 */
final class AttemptScope<T> extends Flux<T> {

  private final Publisher<T> source;
  private final Supplier<TraceScope> enter;
  private final boolean propagates;

  /**
   * @param enter makes the attempt current and returns the scope that undoes it
   * @param propagates whether to hand the attempt's observation down in the Context (needs
   *     context-propagation on the class path)
   */
  AttemptScope(Publisher<T> source, Supplier<TraceScope> enter, boolean propagates) {
    this.source = source;
    this.enter = enter;
    this.propagates = propagates;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    Object before = propagates ? ObservationPropagation.current() : null;
    TraceScope scope = enter.get();
    try {
      Object attempt = propagates ? ObservationPropagation.current() : null;
      if (attempt != null && attempt != before) {
        Flux.from(source)
            .contextWrite(Context.of(ObservationPropagation.KEY, attempt))
            .subscribe(actual);
      } else {
        source.subscribe(actual);
      }
    } finally {
      scope.close();
    }
  }
}
