package io.backon.spring.boot.autoconfigure;

import java.beans.PropertyDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.BeanUtils;

/**
 * Turns a core builder's rule message ({@code "slowCallRateThreshold needs
 * slowCallDuration(duration)"}) into a configuration error in property language: each builder
 * setting the message names becomes the full property where it was set (or would be), the first one
 * is the place at fault, and the fix names the properties to change. The rule itself stays in the
 * core builder, written once.
 */
final class BuilderRuleTranslation {

  /**
   * A camelCase setting name, optionally followed by a builder argument list such as {@code
   * (duration)}.
   */
  private static final Pattern SETTING =
      Pattern.compile("\\b([a-z]+(?:[A-Z][a-z]*)+)(\\([a-zA-Z, ]*\\))?");

  private static final Pattern NEEDS = Pattern.compile("^(\\S+) needs (\\S+)$");

  private BuilderRuleTranslation() {}

  /** {@code slowCallDuration(duration)} without its argument list. */
  private static String settingOf(String word) {
    int paren = word.indexOf('(');
    return paren < 0 ? word : word.substring(0, paren);
  }

  /**
   * @param message the builder's message
   * @param settings where each setting came from
   * @param own the section being assembled, for settings no layer set
   * @param properties the JavaBean class whose property names the builder's names match
   */
  static <T> BackonConfigurationException contradiction(
      String message, LayeredSettings<T> settings, SettingSource own, Class<T> properties) {
    List<String> named = new ArrayList<>();
    Matcher matcher = SETTING.matcher(message);
    StringBuilder translated = new StringBuilder();
    while (matcher.find()) {
      String setting = matcher.group(1);
      String replacement = matcher.group(0);
      if (BeanUtils.getPropertyDescriptor(properties, setting) != null) {
        replacement = settings.describe(setting, own);
        named.add(replacement);
      }
      matcher.appendReplacement(translated, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(translated);
    String rule = translated.toString();
    if (named.isEmpty()) {
      return ConfigChecks.contradiction(
          own.section(),
          "the settings do not fit together (" + message + ").",
          "change the settings under " + own.section() + " as the message says.");
    }
    Matcher needs = NEEDS.matcher(message);
    if (needs.matches() && named.size() == 2) {
      PropertyDescriptor needed =
          BeanUtils.getPropertyDescriptor(properties, settingOf(needs.group(2)));
      String example =
          needed != null && needed.getPropertyType() == Duration.class
              ? " (a duration such as 2s)"
              : "";
      return ConfigChecks.contradiction(
          named.get(0),
          named.get(0) + " is set but " + named.get(1) + ", which it needs, is not.",
          "set " + named.get(1) + example + ", or remove " + named.get(0) + ".");
    }
    return ConfigChecks.contradiction(
        named.get(0),
        "the settings do not fit together: " + rule + ".",
        "change " + String.join(" or ", named) + " as that rule says.");
  }
}
