package io.backon.spring.boot.autoconfigure;

import io.backon.Backon;
import io.backon.wait.JitterKind;
import io.backon.wait.WaitKind;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationStyle;

/**
 * Reads the setting overrides of one {@code @Backon} annotation into a {@link PolicyProperties}
 * layer, resolving {@code ${...}} placeholders and parsing durations, with errors that name the
 * attribute and the method.
 */
final class AnnotationOverrides {

  private final Function<String, String> placeholders;

  /**
   * @param placeholders resolves {@code ${...}}; throws IllegalArgumentException when it cannot
   */
  AnnotationOverrides(Function<String, String> placeholders) {
    this.placeholders = placeholders;
  }

  /** The overrides of {@code annotation}; an empty layer when it only names a policy. */
  PolicyProperties read(Backon annotation, SettingSource source) {
    PolicyProperties p = new PolicyProperties();
    if (annotation.maxTries() != -1) {
      p.setMaxTries(annotation.maxTries());
    }
    p.setMaxTime(duration(annotation.maxTime(), "maxTime", source));
    if (annotation.waitKind() != WaitKind.POLICY) {
      p.setWait(annotation.waitKind());
    }
    p.setDelay(duration(annotation.delay(), "delay", source));
    p.setMaxDelay(duration(annotation.maxDelay(), "maxDelay", source));
    String multiplier = text(annotation.multiplier(), "multiplier", source);
    if (multiplier != null) {
      try {
        p.setMultiplier(Double.parseDouble(multiplier));
      } catch (NumberFormatException e) {
        throw new BackonConfigurationException(
            ConfigErrorCode.INVALID_VALUE,
            source.describe("multiplier"),
            "'" + multiplier + "' is not a number.",
            "write a decimal number such as 2 or 1.5.",
            e);
      }
    }
    if (annotation.jitter() != JitterKind.POLICY) {
      p.setJitter(annotation.jitter());
    }
    p.setRetryOn(List.of(annotation.retryOn()));
    p.setAbortOn(List.of(annotation.abortOn()));
    p.setRetryIf(text(annotation.retryIf(), "retryIf", source));
    p.setAttemptTimeout(duration(annotation.attemptTimeout(), "attemptTimeout", source));
    p.setDeadline(duration(annotation.deadline(), "deadline", source));
    p.setCircuitBreaker(text(annotation.circuitBreaker(), "circuitBreaker", source));
    p.setBudget(text(annotation.budget(), "budget", source));
    if (annotation.hedges() != -1) {
      p.getHedging().setMaxHedges(annotation.hedges());
    }
    p.getHedging().setDelay(duration(annotation.hedgeDelay(), "hedgeDelay", source));
    return p;
  }

  /** The resolved policy name of {@code annotation}. */
  String policyName(Backon annotation, SettingSource source) {
    String name = text(annotation.value(), "value", source);
    return name == null ? io.backon.RetryPolicy.DEFAULT_NAME : name;
  }

  /** The resolved fallback method name, or null. */
  @Nullable String fallback(Backon annotation, SettingSource source) {
    return text(annotation.fallback(), "fallback", source);
  }

  private @Nullable String text(String raw, String attribute, SettingSource source) {
    if (raw.isBlank()) {
      return null;
    }
    String resolved;
    try {
      resolved = placeholders.apply(raw);
    } catch (IllegalArgumentException e) {
      throw new BackonConfigurationException(
          ConfigErrorCode.UNRESOLVABLE_PLACEHOLDER,
          source.describe(attribute),
          "the placeholder in \"" + raw + "\" cannot be resolved (" + e.getMessage() + ").",
          "define the property it names, or give a default: ${name:default}.",
          e);
    }
    return resolved == null || resolved.isBlank() ? null : resolved.trim();
  }

  private @Nullable Duration duration(String raw, String attribute, SettingSource source) {
    String text = text(raw, attribute, source);
    if (text == null) {
      return null;
    }
    try {
      return DurationStyle.detectAndParse(text);
    } catch (IllegalArgumentException e) {
      throw new BackonConfigurationException(
          ConfigErrorCode.INVALID_DURATION,
          source.describe(attribute),
          "'" + text + "' is not a duration.",
          "write a duration such as 500ms, 2s, 1m or PT1S.",
          e);
    }
  }
}
