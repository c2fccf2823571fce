package io.backon.spring.boot.autoconfigure;

/**
 * Where a setting came from, for error messages: a properties section ({@code
 * backon.policies.payments}) or an annotated method ({@code @Backon on
 * PaymentClient.charge(String)}).
 *
 * @param section the properties prefix or the annotated method's description
 * @param annotation whether {@code section} describes an annotation rather than properties
 */
record SettingSource(String section, boolean annotation) {

  static SettingSource properties(String prefix) {
    return new SettingSource(prefix, false);
  }

  static SettingSource annotation(String methodDescription) {
    return new SettingSource(methodDescription, true);
  }

  /**
   * The full name of {@code property} (camelCase) in this source, as a user would search for it.
   */
  String describe(String property) {
    if (annotation) {
      return "@Backon(" + attributeOf(property) + ") on " + section;
    }
    return section + "." + kebab(property);
  }

  /** The {@code @Backon} attribute that sets {@code property} where the names differ. */
  private static String attributeOf(String property) {
    return switch (property) {
      case "wait" -> "waitKind";
      case "hedging.maxHedges" -> "hedges";
      case "hedging.delay" -> "hedgeDelay";
      default -> property;
    };
  }

  static String kebab(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        out.append('-').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
