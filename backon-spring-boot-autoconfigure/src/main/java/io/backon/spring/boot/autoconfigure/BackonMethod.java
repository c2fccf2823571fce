package io.backon.spring.boot.autoconfigure;

import io.backon.Invocation;
import io.backon.Retrying;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.framework.ReflectiveMethodInvocation;

/**
 * One {@code @Backon} method of one bean, resolved at startup: its policy (with the annotation's
 * overrides), how it returns, and its fallback. Each blocking or future attempt proceeds through a
 * fresh clone of the proxy invocation, so advice inside Backon (a transaction, say) runs once per
 * attempt. Without advice inside Backon, blocking attempts proceed the invocation itself: a Spring
 * invocation at the end of its chain calls the target on every {@code proceed()} and changes no
 * state. A {@code Mono} or {@code Flux} method is invoked once and its publisher re-subscribed per
 * attempt ({@link ReactiveCalls}). Immutable and thread-safe.
 */
final class BackonMethod {

  private final String targetName;
  private final Retrying retrying;
  private final ReturnKind kind;
  private final @Nullable FallbackMethod asyncFallback;
  private final Object fallbackTarget;
  private final Invocation withoutArguments;

  BackonMethod(
      String targetName,
      Retrying retrying,
      ReturnKind kind,
      @Nullable FallbackMethod asyncFallback,
      Object fallbackTarget) {
    this.targetName = targetName;
    this.withoutArguments = Invocation.of(targetName);
    this.retrying = retrying;
    this.kind = kind;
    this.asyncFallback = asyncFallback;
    this.fallbackTarget = fallbackTarget;
  }

  Retrying retrying() {
    return retrying;
  }

  ReturnKind kind() {
    return kind;
  }

  /**
   * Runs one call of the method under its policy.
   *
   * @param innermost whether no advice runs inside Backon's on this proxy: blocking attempts may
   *     then proceed {@code invocation} itself, which must be Spring's {@link
   *     ReflectiveMethodInvocation} for that
   */
  @Nullable Object invoke(MethodInvocation invocation, boolean innermost) throws Throwable {
    if (!(invocation instanceof ProxyMethodInvocation proxied)) {
      return invocation.proceed();
    }
    @Nullable Object[] arguments = invocation.getArguments();
    Invocation call =
        arguments.length == 0 ? withoutArguments : Invocation.of(targetName, arguments);
    if (!retrying.isEnabled()) {
      return once(proxied, call);
    }
    switch (kind) {
      case FUTURE:
        return future(proxied, call);
      case MONO:
        return ReactiveCalls.mono(this, proxied, call);
      case FLUX:
        return ReactiveCalls.flux(this, proxied, call);
      default:
        return innermost && proxied instanceof ReflectiveMethodInvocation
            ? retrying.call(call, () -> proceedInPlace(proxied))
            : retrying.call(call, () -> proceedOnce(proxied));
    }
  }

  /**
   * One call while retrying is off ({@code backon.enabled=false}, {@code Retries.disable()}, a
   * testing scope): the target once, without a fallback, through the engine's face for the return
   * type, which calls it directly and counts the try for {@code assertRetried}.
   */
  private @Nullable Object once(ProxyMethodInvocation invocation, Invocation call)
      throws Throwable {
    switch (kind) {
      case FUTURE:
        return retrying.callAsync(call, () -> stageOf(invocation));
      case MONO:
      case FLUX:
        return ReactiveCalls.once(this, invocation, call);
      default:
        return retrying.call(call, () -> proceedInPlace(invocation));
    }
  }

  private CompletableFuture<@Nullable Object> future(
      ProxyMethodInvocation invocation, Invocation call) {
    CompletableFuture<@Nullable Object> result =
        retrying.callAsync(call, () -> stageOf(invocation.invocableClone()));
    FallbackMethod fallback = asyncFallback;
    if (fallback == null) {
      return result;
    }
    CompletableFuture<@Nullable Object> withFallback =
        result.exceptionallyCompose(
            failure -> {
              Throwable cause =
                  failure instanceof CompletionException && failure.getCause() != null
                      ? failure.getCause()
                      : failure;
              try {
                @SuppressWarnings("unchecked")
                CompletionStage<@Nullable Object> stage =
                    (CompletionStage<@Nullable Object>)
                        fallback.invoke(fallbackTarget, invocation.getArguments(), cause);
                return stage != null ? stage : CompletableFuture.completedFuture(null);
              } catch (Throwable t) {
                return CompletableFuture.failedFuture(FallbackMethod.suppressing(t, cause));
              }
            });
    // The caller holds the dependent future: its cancel must reach the call, as it does without a
    // fallback.
    withFallback.whenComplete(
        (value, failure) -> {
          if (withFallback.isCancelled()) {
            result.cancel(true);
          }
        });
    return withFallback;
  }

  /**
   * One attempt of a future method: its stage, or a failed one when it threw instead; {@code null}
   * when the method returned null (the engine fails that attempt with a message saying so).
   */
  private static @Nullable CompletionStage<@Nullable Object> stageOf(MethodInvocation invocation) {
    try {
      @SuppressWarnings("unchecked")
      CompletionStage<@Nullable Object> stage =
          (CompletionStage<@Nullable Object>) invocation.proceed();
      return stage;
    } catch (Throwable t) {
      return CompletableFuture.failedFuture(t);
    }
  }

  /** The fallback applied by the interceptor (futures, Mono, Flux); null for blocking methods. */
  @Nullable FallbackMethod asyncFallback() {
    return asyncFallback;
  }

  Object fallbackTarget() {
    return fallbackTarget;
  }

  /** One attempt: the rest of the advice chain and the target, as a checked {@link Exception}. */
  static @Nullable Object proceedOnce(ProxyMethodInvocation invocation) throws Exception {
    return proceedInPlace(invocation.invocableClone());
  }

  /**
   * One attempt through {@code invocation} itself: only for an invocation whose remaining chain is
   * the target alone, which {@code proceed()} calls each time without moving on.
   */
  private static @Nullable Object proceedInPlace(MethodInvocation invocation) throws Exception {
    try {
      return invocation.proceed();
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new UndeclaredThrowableException(t);
    }
  }

  @Override
  public String toString() {
    return targetName + " under " + retrying.policy().name();
  }
}
