package io.backon.spring.boot.autoconfigure;

import io.backon.RetryPolicy;
import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;

/**
 * Rejects a result condition ({@code retry-if}) that the annotated method's return type cannot
 * feed: a method that returns no value ({@code void}, {@code CompletableFuture<Void>}, {@code
 * Mono<Void>}) would show the condition {@code null} on every success and retry it until the
 * attempts run out; a {@code Flux}'s elements are never checked, so the condition would be silently
 * ignored.
 */
final class ResultConditionCheck {

  private ResultConditionCheck() {}

  /**
   * @param subject the method, as errors name it ({@code @Backon on Client.call()})
   * @param conditionSetting where {@code retry-if} was set ({@code backon.policies.p.retry-if},
   *     {@code @Backon(retryIf) on ...}), or null when no Backon setting set one
   * @param fromAnnotation whether the annotation itself set it
   * @param policy the method's final policy: a bean's own condition is asked about {@code null}
   */
  static void check(
      Method method,
      ReturnKind kind,
      String subject,
      String policyName,
      @Nullable String conditionSetting,
      boolean fromAnnotation,
      RetryPolicy policy) {
    if (kind == ReturnKind.FLUX && conditionSetting != null) {
      throw new BackonConfigurationException(
          ConfigErrorCode.UNSUPPORTED_RETURN_TYPE,
          fromAnnotation ? conditionSetting : subject,
          "the method returns a Flux, whose elements are not checked by retry-if (only errors are retried),"
              + " so the condition set by "
              + conditionSetting
              + " would be ignored.",
          fromAnnotation
              ? "remove retryIf from the annotation, or return a Mono (e.g. collectList()) to check the whole result."
              : "give the method a policy without retry-if ("
                  + conditionSetting
                  + " applies to every method of the"
                  + " policy '"
                  + policyName
                  + "'), or return a Mono (e.g. collectList()) to check the whole result.");
    }
    if (!returnsNoValue(method, kind)) {
      return;
    }
    if (conditionSetting != null) {
      throw new BackonConfigurationException(
          ConfigErrorCode.UNSUPPORTED_RETURN_TYPE,
          fromAnnotation ? conditionSetting : subject,
          "the method returns no value, so the result condition set by "
              + conditionSetting
              + " sees null on every successful call and retries it until the attempts run out.",
          fromAnnotation
              ? "remove retryIf from the annotation, or return the value the condition should check."
              : "give the method a policy without retry-if ("
                  + conditionSetting
                  + " applies to every method of the"
                  + " policy '"
                  + policyName
                  + "'), or return the value the condition should check.");
    }
    if (retriesNull(policy)) {
      throw new BackonConfigurationException(
          ConfigErrorCode.UNSUPPORTED_RETURN_TYPE,
          subject,
          "the method returns no value, and the retry condition of the RetryPolicy bean '"
              + policyName
              + "' retries a null result (or fails on one), so every successful call is retried until the attempts run out.",
          "give the method a policy whose retry condition does not check results, or return the value the"
              + " condition should check.");
    }
  }

  /** {@code void}, or a future or Mono of {@code Void}. */
  private static boolean returnsNoValue(Method method, ReturnKind kind) {
    return switch (kind) {
      case BLOCKING -> method.getReturnType() == void.class || method.getReturnType() == Void.class;
      case FUTURE, MONO ->
          ResolvableType.forMethodReturnType(method).getGeneric(0).resolve() == Void.class;
      case FLUX -> false;
    };
  }

  /**
   * Whether the policy's condition retries a successful call that returned null (or fails on it).
   */
  private static boolean retriesNull(RetryPolicy policy) {
    try {
      return policy.retryCondition().shouldRetry(null, null);
    } catch (RuntimeException failsOnNull) {
      return true;
    }
  }
}
