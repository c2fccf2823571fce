package io.backon.spring.boot.autoconfigure;

import io.backon.Invocation;
import io.backon.reactor.BackonReactor;
import org.reactivestreams.Publisher;
import org.springframework.aop.ProxyMethodInvocation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Reactor face of {@link BackonMethod}: each attempt re-invokes the method and subscribes to
 * the new publisher. Loaded only when a method returns {@code Mono} or {@code Flux}, so Reactor
 * stays optional.
 */
final class ReactiveCalls {

  private ReactiveCalls() {}

  static Mono<Object> mono(BackonMethod method, ProxyMethodInvocation invocation, Invocation call) {
    Mono<Object> source = Mono.defer(() -> Mono.from(attempt(invocation)));
    Mono<Object> retried = BackonReactor.<Object>retry(method.retrying().policy())
        .withInvocation(call).mono(source);
    FallbackMethod fallback = method.asyncFallback();
    if (fallback == null) {
      return retried;
    }
    return retried.onErrorResume(failure -> Mono.from(fallback(method, fallback, invocation, failure)));
  }

  static Flux<Object> flux(BackonMethod method, ProxyMethodInvocation invocation, Invocation call) {
    Flux<Object> source = Flux.defer(() -> attempt(invocation));
    Flux<Object> retried = BackonReactor.<Object>retry(method.retrying().policy())
        .withInvocation(call).flux(source);
    FallbackMethod fallback = method.asyncFallback();
    if (fallback == null) {
      return retried;
    }
    return retried.onErrorResume(failure -> fallback(method, fallback, invocation, failure));
  }

  @SuppressWarnings("unchecked")
  private static Publisher<Object> attempt(ProxyMethodInvocation invocation) {
    try {
      Object publisher = invocation.invocableClone().proceed();
      return publisher == null ? Mono.error(new NullPointerException(
          invocation.getMethod() + " returned null instead of a publisher"))
          : (Publisher<Object>) publisher;
    } catch (Throwable t) {
      return Mono.error(t);
    }
  }

  @SuppressWarnings("unchecked")
  private static Publisher<Object> fallback(BackonMethod method, FallbackMethod fallback,
      ProxyMethodInvocation invocation, Throwable failure) {
    try {
      Object publisher = fallback.invoke(method.fallbackTarget(), invocation.getArguments(), failure);
      return publisher == null ? Mono.empty() : (Publisher<Object>) publisher;
    } catch (Throwable t) {
      return Mono.error(FallbackMethod.suppressing(t, failure));
    }
  }
}
