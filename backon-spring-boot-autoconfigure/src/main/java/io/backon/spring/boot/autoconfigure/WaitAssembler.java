package io.backon.spring.boot.autoconfigure;

import io.backon.RetryPolicyBuilder;
import io.backon.wait.Jitter;
import io.backon.wait.JitterKind;
import io.backon.wait.Wait;
import io.backon.wait.WaitKind;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanWrapperImpl;

/**
 * Builds the {@link Wait} and {@link Jitter} of a policy from its wait settings, and rejects
 * parameters that the chosen strategy would silently ignore.
 */
final class WaitAssembler {

  private static final List<String> WAIT_PARAMETERS =
      List.of("delay", "maxDelay", "minDelay", "multiplier", "increment");

  private WaitAssembler() {}

  static void apply(
      LayeredSettings<PolicyProperties> settings,
      SettingSource own,
      boolean kindRequired,
      RetryPolicyBuilder builder) {
    PolicyProperties p = settings.values();
    WaitKind kind = p.getWait() == null || p.getWait() == WaitKind.POLICY ? null : p.getWait();
    boolean parametersSet = WAIT_PARAMETERS.stream().anyMatch(settings::isSet);
    if (kind == null && parametersSet && kindRequired) {
      String first = WAIT_PARAMETERS.stream().filter(settings::isSet).findFirst().orElseThrow();
      String subject = settings.describe(first, own);
      throw ConfigChecks.contradiction(
          subject,
          "a wait parameter is set but the wait kind is not, and the policy is a bean whose wait kind is unknown here.",
          "also set the wait kind (waitKind = WaitKind.EXPO, ...) next to " + subject + ".");
    }
    if (kind != null || parametersSet) {
      WaitKind effective = kind != null ? kind : WaitKind.EXPO;
      rejectUnused(settings, own, effective, usedBy(effective), "wait strategy");
      rejectDelayAboveCap(settings, own, effective);
      builder.wait(build(effective, settings, own));
    }
    JitterKind jitter = p.getJitter();
    if (jitter != null && jitter != JitterKind.POLICY) {
      if (settings.isSet("jitterMax") && jitter != JitterKind.RANDOM) {
        rejectUnused(settings, own, "jitterMax", "jitter", jitter.name());
      }
      builder.jitter(jitter(jitter, settings, own));
    } else if (settings.isSet("jitterMax") && sameLayer(settings, "jitterMax", own, "jitter")) {
      rejectUnused(settings, own, "jitterMax", "jitter", "full (the default)");
    }
  }

  /**
   * A first wait above the cap: every wait is the cap, so the delay (and the growth) never takes
   * effect. Checked for the strategies that start at delay and grow to max-delay.
   */
  private static void rejectDelayAboveCap(
      LayeredSettings<PolicyProperties> settings, SettingSource own, WaitKind kind) {
    if (!settings.isSet("delay")
        || !usedBy(kind).contains("maxDelay")
        || !usedBy(kind).contains("delay")) {
      return;
    }
    Duration delay = Objects.requireNonNull(settings.values().getDelay());
    Duration cap = settings.values().getMaxDelay();
    if (cap == null) {
      cap =
          kind == WaitKind.EXPONENTIAL_JITTER
              ? Wait.DEFAULT_EXPONENTIAL_JITTER_MAX
              : Wait.DEFAULT_MAX;
    }
    if (delay.compareTo(cap) <= 0) {
      return;
    }
    String subject = settings.describe("delay", own);
    String capSubject =
        settings.isSet("maxDelay")
            ? settings.describe("maxDelay", own)
            : "max-delay (default " + ConfigChecks.display(cap) + ")";
    throw ConfigChecks.contradiction(
        subject,
        "the first wait "
            + ConfigChecks.display(delay)
            + " is above the cap "
            + capSubject
            + " of "
            + ConfigChecks.display(cap)
            + ", so every wait of '"
            + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
            + "' is the cap and the delay never takes effect.",
        "make "
            + subject
            + " at most "
            + ConfigChecks.display(cap)
            + ", or raise "
            + (settings.isSet("maxDelay") ? settings.describe("maxDelay", own) : "max-delay")
            + ".");
  }

  private static Set<String> usedBy(WaitKind kind) {
    return switch (kind) {
      case POLICY, NONE -> Set.of();
      case CONSTANT -> Set.of("delay");
      case EXPO -> Set.of("delay", "maxDelay", "multiplier");
      case FIBO -> Set.of("delay", "maxDelay");
      case INCREMENTING -> Set.of("delay", "increment", "maxDelay");
      case RANDOM -> Set.of("minDelay", "maxDelay");
      case RANDOM_EXPONENTIAL -> Set.of("delay", "maxDelay", "multiplier", "minDelay");
      case EXPONENTIAL_JITTER -> Set.of("delay", "maxDelay", "multiplier", "increment");
      case DECAY -> Set.of("delay", "multiplier", "minDelay");
    };
  }

  private static void rejectUnused(
      LayeredSettings<PolicyProperties> settings,
      SettingSource own,
      WaitKind kind,
      Set<String> used,
      String what) {
    for (String parameter : WAIT_PARAMETERS) {
      if (used.contains(parameter) || !settings.isSet(parameter)) {
        continue;
      }
      if (parameter.equals("maxDelay")
          && settings.values().getJitter() == JitterKind.DECORRELATED) {
        continue;
      }
      if (sameLayer(settings, parameter, own, "wait")) {
        rejectUnused(settings, own, parameter, what, kind.name());
      }
    }
  }

  /** A parameter counts as a mistake when it was set in the policy itself or next to the kind. */
  private static boolean sameLayer(
      LayeredSettings<PolicyProperties> settings,
      String parameter,
      SettingSource own,
      String kindProperty) {
    SettingSource source = settings.sourceOf(parameter);
    return Objects.equals(source, own) || Objects.equals(source, settings.sourceOf(kindProperty));
  }

  private static void rejectUnused(
      LayeredSettings<PolicyProperties> settings,
      SettingSource own,
      String parameter,
      String what,
      String kind) {
    String subject = settings.describe(parameter, own);
    throw ConfigChecks.contradiction(
        subject,
        "the "
            + what
            + " '"
            + kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-')
            + "' does not use "
            + SettingSource.kebab(parameter)
            + ", so this setting would be ignored.",
        "remove "
            + subject
            + ", or choose a "
            + what
            + " that uses it (see the configuration reference).");
  }

  private static Wait build(
      WaitKind kind, LayeredSettings<PolicyProperties> settings, SettingSource own) {
    PolicyProperties p = settings.values();
    Duration delay = p.getDelay();
    Duration max = or(p.getMaxDelay(), Wait.DEFAULT_MAX);
    Double multiplier = p.getMultiplier();
    Duration increment = p.getIncrement();
    Duration min = p.getMinDelay();
    try {
      return switch (kind) {
        case POLICY, EXPO ->
            Wait.expo(
                or(multiplier, Wait.DEFAULT_EXPO_BASE), or(delay, Wait.DEFAULT_EXPO_FACTOR), max);
        case NONE -> Wait.none();
        case CONSTANT -> Wait.constant(or(delay, Wait.DEFAULT_CONSTANT_INTERVAL));
        case FIBO -> Wait.fibo(or(delay, Wait.DEFAULT_FIBO_UNIT), max);
        case INCREMENTING ->
            Wait.incrementing(
                or(delay, Wait.DEFAULT_INCREMENTING_START),
                or(increment, Wait.DEFAULT_INCREMENTING_INCREMENT),
                max);
        case RANDOM ->
            Wait.random(
                or(min, Wait.DEFAULT_RANDOM_MIN), or(p.getMaxDelay(), Wait.DEFAULT_RANDOM_MAX));
        case RANDOM_EXPONENTIAL ->
            Wait.randomExponential(
                or(delay, Wait.DEFAULT_RANDOM_EXPONENTIAL_MULTIPLIER),
                max,
                or(multiplier, Wait.DEFAULT_RANDOM_EXPONENTIAL_BASE),
                or(min, Wait.DEFAULT_RANDOM_EXPONENTIAL_MIN));
        case EXPONENTIAL_JITTER ->
            Wait.exponentialJitter(
                or(delay, Wait.DEFAULT_EXPONENTIAL_JITTER_INITIAL),
                or(p.getMaxDelay(), Wait.DEFAULT_EXPONENTIAL_JITTER_MAX),
                or(multiplier, Wait.DEFAULT_EXPONENTIAL_JITTER_BASE),
                or(increment, Wait.DEFAULT_EXPONENTIAL_JITTER_JITTER));
        case DECAY ->
            Wait.decay(
                or(delay, Wait.DEFAULT_DECAY_INITIAL),
                or(multiplier, Wait.DEFAULT_DECAY_FACTOR),
                or(min, Wait.DEFAULT_DECAY_MIN));
      };
    } catch (IllegalArgumentException e) {
      // The core names its own parameter; report the failure under the property that set it.
      String property = propertyOf(kind, e.getMessage());
      if (property != null && settings.isSet(property)) {
        Object value = Objects.requireNonNull(new BeanWrapperImpl(p).getPropertyValue(property));
        throw ConfigChecks.outOfRange(settings.describe(property, own), value, e);
      }
      String subject = settings.describe("wait", own);
      throw new BackonConfigurationException(
          ConfigErrorCode.OUT_OF_RANGE,
          subject,
          "the wait strategy '"
              + kind.name().toLowerCase(java.util.Locale.ROOT)
              + "' rejects its parameters ("
              + e.getMessage()
              + ").",
          "change delay, max-delay, min-delay, multiplier or increment next to " + subject + ".",
          e);
    }
  }

  /**
   * The property behind the core parameter a {@link Wait} factory names first in {@code message}
   * ({@code "factor must be >= 0 but was PT-1S"}), following {@link #build}'s argument order.
   */
  private static @Nullable String propertyOf(WaitKind kind, @Nullable String message) {
    String parameter = message == null ? "" : message.split(" ", 2)[0];
    return switch (parameter) {
      case "factor", "interval", "unit", "start", "initial" -> "delay";
      case "multiplier" -> kind == WaitKind.RANDOM_EXPONENTIAL ? "delay" : "multiplier";
      case "base", "expBase", "decayFactor" -> "multiplier";
      case "max" -> "maxDelay";
      case "min" -> "minDelay";
      case "increment", "jitter" -> "increment";
      default -> null;
    };
  }

  private static Jitter jitter(
      JitterKind kind, LayeredSettings<PolicyProperties> settings, SettingSource own) {
    PolicyProperties p = settings.values();
    String subject = settings.describe("jitter", own);
    String maxDelaySubject = settings.describe("maxDelay", own);
    return switch (kind) {
      case POLICY, FULL -> Jitter.full();
      case NONE -> Jitter.none();
      case EQUAL -> Jitter.equal();
      case RANDOM -> {
        Duration max = or(p.getJitterMax(), Jitter.DEFAULT_RANDOM_MAX);
        yield ConfigChecks.create(settings.describe("jitterMax", own), max, Jitter::random);
      }
      case DECORRELATED -> {
        Duration cap = p.getMaxDelay();
        if (cap == null) {
          throw ConfigChecks.contradiction(
              subject,
              "decorrelated jitter needs a cap, but max-delay is not set.",
              "set " + maxDelaySubject + " (for example 30s) or choose another jitter.");
        }
        yield ConfigChecks.create(maxDelaySubject, cap, Jitter::decorrelated);
      }
    };
  }

  private static <V> V or(@Nullable V value, V fallback) {
    return value != null ? value : fallback;
  }
}
