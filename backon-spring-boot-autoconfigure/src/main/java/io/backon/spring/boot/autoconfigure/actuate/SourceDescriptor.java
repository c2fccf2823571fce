package io.backon.spring.boot.autoconfigure.actuate;

import io.backon.spring.boot.autoconfigure.SettingOrigin;
import java.util.List;
import java.util.Locale;

/**
 * Where one setting of a policy came from, as {@code /actuator/backon} shows it.
 *
 * @param origin {@code builtin} (Backon's default), {@code defaults} ({@code backon.defaults}),
 *     {@code extends} (a parent policy), {@code policy} (its own section), {@code bean} (a {@code
 *     RetryPolicy} bean), {@code annotation} ({@code @Backon} on the method) or {@code customizer}
 *     (a {@code BackonPolicyCustomizer} changed it)
 * @param properties the properties or annotation attributes that set it, e.g. {@code
 *     backon.defaults.retry-on}; empty for {@code builtin}, {@code bean} and {@code customizer}
 */
public record SourceDescriptor(String origin, List<String> properties) {

  /** Describes {@code origin}. */
  public static SourceDescriptor of(SettingOrigin origin) {
    return new SourceDescriptor(
        origin.kind().name().replace("_", "").toLowerCase(Locale.ROOT), origin.properties());
  }
}
