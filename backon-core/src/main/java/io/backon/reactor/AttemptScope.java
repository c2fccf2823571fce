package io.backon.reactor;

import io.backon.instrumentation.TraceScope;
import io.backon.internal.CallDriver;
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
  private final CallDriver driver;
  private final int number;
  private final boolean propagates;

  /**
   * @param driver the call, whose attempt {@code number} this is
   * @param propagates whether to hand the attempt's observation down in the Context (needs
   *     context-propagation on the class path)
   */
  AttemptScope(Publisher<T> source, CallDriver driver, int number, boolean propagates) {
    this.source = source;
    this.driver = driver;
    this.number = number;
    this.propagates = propagates;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    if (!driver.traced()) {
      int saved = driver.enterUntracedAttempt(number);
      try {
        source.subscribe(actual);
      } finally {
        driver.exitAttempt(saved);
      }
      return;
    }
    Object before = propagates ? ObservationPropagation.current() : null;
    TraceScope scope = driver.enterAttempt(number);
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
