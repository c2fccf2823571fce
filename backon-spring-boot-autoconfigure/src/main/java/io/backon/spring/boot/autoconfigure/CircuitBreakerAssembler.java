package io.backon.spring.boot.autoconfigure;

import io.backon.breaker.CircuitBreakerBuilder;
import io.backon.breaker.SlidingWindowType;
import java.time.Duration;
import java.util.Objects;

/** Applies layered {@link CircuitBreakerProperties} to a core {@link CircuitBreakerBuilder}. */
final class CircuitBreakerAssembler {

  private CircuitBreakerAssembler() {}

  static void apply(
      LayeredSettings<CircuitBreakerProperties> settings,
      SettingSource own,
      CircuitBreakerBuilder b) {
    CircuitBreakerProperties p = settings.values();
    set(settings, own, "failureThreshold", p.getFailureThreshold(), b::failureThreshold);
    SlidingWindowType type = p.getSlidingWindowType();
    if (type == SlidingWindowType.COUNT_BASED) {
      Integer size = p.getWindowSize();
      if (size == null) {
        throw missing(settings, own, "windowSize", "slidingWindowType", "count-based", "100");
      }
      set(settings, own, "windowSize", size, b::countBasedWindow);
    } else if (type == SlidingWindowType.TIME_BASED) {
      Duration window = p.getWindowDuration();
      if (window == null) {
        throw missing(settings, own, "windowDuration", "slidingWindowType", "time-based", "60s");
      }
      set(settings, own, "windowDuration", window, b::timeBasedWindow);
    }
    for (String windowSetting :
        new String[] {
          "windowSize",
          "windowDuration",
          "minimumCalls",
          "failureRateThreshold",
          "slowCallDuration",
          "slowCallRateThreshold"
        }) {
      boolean needed =
          windowSetting.equals("windowSize")
              ? type == SlidingWindowType.COUNT_BASED
              : windowSetting.equals("windowDuration")
                  ? type == SlidingWindowType.TIME_BASED
                  : type == SlidingWindowType.COUNT_BASED || type == SlidingWindowType.TIME_BASED;
      if (settings.isSet(windowSetting)
          && !needed
          && Objects.equals(settings.sourceOf(windowSetting), own)) {
        String subject = settings.describe(windowSetting, own);
        throw ConfigChecks.contradiction(
            subject,
            "this setting needs a matching sliding window, but sliding-window-type is "
                + (type == null ? "not set (none)" : type.name().toLowerCase(java.util.Locale.ROOT))
                + ".",
            "set "
                + settings.describe("slidingWindowType", own)
                + " to count-based or time-based, or remove "
                + subject
                + ".");
      }
    }
    if (type == SlidingWindowType.COUNT_BASED || type == SlidingWindowType.TIME_BASED) {
      set(settings, own, "minimumCalls", p.getMinimumCalls(), b::minimumCalls);
      set(
          settings,
          own,
          "failureRateThreshold",
          p.getFailureRateThreshold(),
          b::failureRateThreshold);
      set(settings, own, "slowCallDuration", p.getSlowCallDuration(), b::slowCallDuration);
      set(
          settings,
          own,
          "slowCallRateThreshold",
          p.getSlowCallRateThreshold(),
          b::slowCallRateThreshold);
    }
    set(settings, own, "recoveryTimeout", p.getRecoveryTimeout(), b::recoveryTimeout);
    if (p.getRecoveryBackoffMultiplier() != null || p.getMaxRecoveryTimeout() != null) {
      double multiplier =
          p.getRecoveryBackoffMultiplier() != null ? p.getRecoveryBackoffMultiplier() : 1.0;
      Duration base =
          p.getRecoveryTimeout() != null
              ? p.getRecoveryTimeout()
              : io.backon.breaker.CircuitBreakerConfig.DEFAULT_RECOVERY_TIMEOUT;
      Duration max = p.getMaxRecoveryTimeout() != null ? p.getMaxRecoveryTimeout() : base;
      // Validate each value against the core separately, so the error names the one that is wrong.
      String multiplierSubject = settings.describe("recoveryBackoffMultiplier", own);
      ConfigChecks.apply(multiplierSubject, multiplier, m -> b.recoveryBackoff(m, base));
      if (multiplier > 1.0 && p.getMaxRecoveryTimeout() == null) {
        throw ConfigChecks.contradiction(
            multiplierSubject,
            "max-recovery-timeout is not set, so the open time never grows past recovery-timeout ("
                + ConfigChecks.display(base)
                + ") and the multiplier has no effect.",
            "set "
                + settings.describe("maxRecoveryTimeout", own)
                + " (for example 10m), or remove "
                + multiplierSubject
                + ".");
      }
      if (p.getMaxRecoveryTimeout() != null) {
        String subject = settings.describe("maxRecoveryTimeout", own);
        ConfigChecks.apply(subject, max, m -> b.recoveryBackoff(multiplier, m));
      }
    }
    set(settings, own, "halfOpenMaxCalls", p.getHalfOpenMaxCalls(), b::halfOpenMaxCalls);
    set(settings, own, "successThreshold", p.getSuccessThreshold(), b::successThreshold);
    if (!p.getRecordOn().isEmpty()) {
      b.recordOn(ConfigChecks.throwables(settings.describe("recordOn", own), p.getRecordOn()));
    }
    if (!p.getIgnoreOn().isEmpty()) {
      b.ignoreOn(ConfigChecks.throwables(settings.describe("ignoreOn", own), p.getIgnoreOn()));
    }
  }

  private static <V> void set(
      LayeredSettings<CircuitBreakerProperties> settings,
      SettingSource own,
      String property,
      @org.jspecify.annotations.Nullable V value,
      java.util.function.Consumer<V> setter) {
    if (value != null) {
      ConfigChecks.apply(settings.describe(property, own), value, setter);
    }
  }

  private static BackonConfigurationException missing(
      LayeredSettings<CircuitBreakerProperties> settings,
      SettingSource own,
      String property,
      String cause,
      String causeValue,
      String example) {
    String subject = settings.describe(property, own);
    return ConfigChecks.contradiction(
        subject,
        "sliding-window-type is "
            + causeValue
            + " but "
            + SettingSource.kebab(property)
            + " is not set.",
        "set "
            + subject
            + " (for example "
            + example
            + "), or remove "
            + settings.describe(cause, own)
            + ".");
  }
}
