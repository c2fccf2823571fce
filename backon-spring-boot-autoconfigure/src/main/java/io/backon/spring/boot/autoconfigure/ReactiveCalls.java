package io.backon.spring.boot.autoconfigure;

import io.backon.Invocation;
import io.backon.reactor.BackonReactor;
import io.backon.reactor.RetryOperator;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.aop.ProxyMethodInvocation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Reactor face of {@link BackonMethod}: the method is invoked once, on the caller's thread, and
 * each attempt re-subscribes the publisher it returned (as Spring's {@code @Retryable} and
 * Resilience4j do), so the work done before the publisher is built is not repeated. Loaded only
 * when a method returns {@code Mono} or {@code Flux}, so Reactor stays optional.
 *
 * <p>A method that throws (or returns {@code null}) instead of a publisher leaves nothing to
 * re-subscribe: the fallback, if any, answers the exception; otherwise it reaches the caller as
 * thrown, as without Backon.
 */
final class ReactiveCalls {

  private ReactiveCalls() {}

  static @Nullable Mono<Object> mono(
      BackonMethod method, ProxyMethodInvocation invocation, Invocation call) throws Throwable {
    Object returned;
    try {
      returned = invocation.proceed();
    } catch (Throwable failure) {
      return Mono.from(answerOrRethrow(method, invocation, failure));
    }
    if (returned == null) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Mono<Object> source = (Mono<Object>) returned;
    Mono<Object> retried =
        BackonReactor.<Object>retry(method.retrying().policy()).withInvocation(call).mono(source);
    FallbackMethod fallback = method.asyncFallback();
    if (fallback == null) {
      return retried;
    }
    return retried.onErrorResume(
        failure -> Mono.from(fallback(method, fallback, invocation, failure)));
  }

  /**
   * A call while retrying is off: the method's publisher, subscribed once per subscription through
   * the Reactor face, which counts the try for {@code assertRetried}; no fallback.
   */
  @SuppressWarnings("unchecked")
  static @Nullable Object once(
      BackonMethod method, ProxyMethodInvocation invocation, Invocation call) throws Throwable {
    Object returned = invocation.proceed();
    if (returned == null) {
      return null;
    }
    RetryOperator<Object> retry =
        BackonReactor.<Object>retry(method.retrying().policy()).withInvocation(call);
    return method.kind() == ReturnKind.FLUX
        ? retry.flux((Flux<Object>) returned)
        : retry.mono((Mono<Object>) returned);
  }

  static @Nullable Flux<Object> flux(
      BackonMethod method, ProxyMethodInvocation invocation, Invocation call) throws Throwable {
    Object returned;
    try {
      returned = invocation.proceed();
    } catch (Throwable failure) {
      return Flux.from(answerOrRethrow(method, invocation, failure));
    }
    if (returned == null) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Flux<Object> source = (Flux<Object>) returned;
    Flux<Object> retried =
        BackonReactor.<Object>retry(method.retrying().policy()).withInvocation(call).flux(source);
    FallbackMethod fallback = method.asyncFallback();
    if (fallback == null) {
      return retried;
    }
    return retried.onErrorResume(failure -> fallback(method, fallback, invocation, failure));
  }

  /**
   * The fallback's publisher for a method that threw instead of returning one; without a fallback
   * (or one that does not take this failure) the failure is thrown, as without Backon.
   */
  @SuppressWarnings("unchecked")
  private static Publisher<Object> answerOrRethrow(
      BackonMethod method, ProxyMethodInvocation invocation, Throwable failure) throws Throwable {
    FallbackMethod fallback = method.asyncFallback();
    if (fallback == null) {
      throw failure;
    }
    Object publisher;
    try {
      publisher = fallback.invoke(method.fallbackTarget(), invocation.getArguments(), failure);
    } catch (Throwable t) {
      throw FallbackMethod.suppressing(t, failure);
    }
    return publisher == null ? Mono.empty() : (Publisher<Object>) publisher;
  }

  @SuppressWarnings("unchecked")
  private static Publisher<Object> fallback(
      BackonMethod method,
      FallbackMethod fallback,
      ProxyMethodInvocation invocation,
      Throwable failure) {
    try {
      Object publisher =
          fallback.invoke(method.fallbackTarget(), invocation.getArguments(), failure);
      return publisher == null ? Mono.empty() : (Publisher<Object>) publisher;
    } catch (Throwable t) {
      return Mono.error(FallbackMethod.suppressing(t, failure));
    }
  }
}
