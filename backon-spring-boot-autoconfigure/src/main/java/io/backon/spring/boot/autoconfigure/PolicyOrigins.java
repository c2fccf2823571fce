package io.backon.spring.boot.autoconfigure;

import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Works out where each {@link PolicySetting} of an assembled policy came from: the most specific
 * layer that set one of its properties ({@code backon.defaults}, an {@code extends} parent, the
 * policy's section, the annotation), else the baseline (Backon's default, or the {@code
 * RetryPolicy} bean), unless a customizer changed the value afterwards.
 */
final class PolicyOrigins {

  private final LayeredSettings<PolicyProperties> settings;
  private final String ownSection;
  private final SettingOrigin.Kind baseline;
  private @Nullable RetryPolicy beforeCustomizers;

  /**
   * @param settings the layers the policy was assembled from
   * @param ownSection the policy's own section ({@code backon.policies.payments}); settings from
   *     other policy sections came through {@code extends}
   * @param baseline the origin of settings no layer set: {@link SettingOrigin.Kind#BUILT_IN} or
   *     {@link SettingOrigin.Kind#BEAN}
   */
  PolicyOrigins(
      LayeredSettings<PolicyProperties> settings, String ownSection, SettingOrigin.Kind baseline) {
    this.settings = settings;
    this.ownSection = ownSection;
    this.baseline = baseline;
  }

  /** Remembers what {@code builder} builds before the customizers run; call it just before them. */
  void beforeCustomizers(RetryPolicyBuilder builder) {
    try {
      beforeCustomizers = builder.build();
    } catch (IllegalStateException contradiction) {
      // the customizers may resolve it; without a "before" no value is attributed to them
      beforeCustomizers = null;
    }
  }

  /**
   * The origin of every setting of {@code built}, keyed by {@link PolicySetting#key()}, in order.
   */
  Map<String, SettingOrigin> of(RetryPolicy built) {
    Map<String, SettingOrigin> origins = new LinkedHashMap<>();
    for (PolicySetting setting : PolicySetting.values()) {
      origins.put(setting.key(), originOf(setting, built));
    }
    return origins;
  }

  private SettingOrigin originOf(PolicySetting setting, RetryPolicy built) {
    RetryPolicy before = beforeCustomizers;
    if (before != null && !Objects.equals(setting.valueIn(before), setting.valueIn(built))) {
      return new SettingOrigin(SettingOrigin.Kind.CUSTOMIZER, List.of());
    }
    List<String> names = new ArrayList<>();
    String mostSpecific = null;
    for (String property : setting.properties()) {
      if (settings.isSet(property)) {
        names.add(settings.describe(property, SettingSource.properties(ownSection)));
        if (mostSpecific == null || settings.layerOf(property) > settings.layerOf(mostSpecific)) {
          mostSpecific = property;
        }
      }
    }
    SettingSource source = mostSpecific == null ? null : settings.sourceOf(mostSpecific);
    return source == null
        ? new SettingOrigin(baseline, List.of())
        : new SettingOrigin(kindOf(source), names);
  }

  private SettingOrigin.Kind kindOf(SettingSource source) {
    if (source.annotation()) {
      return SettingOrigin.Kind.ANNOTATION;
    }
    if (source.section().equals("backon.defaults")) {
      return SettingOrigin.Kind.DEFAULTS;
    }
    return source.section().equals(ownSection)
        ? SettingOrigin.Kind.POLICY
        : SettingOrigin.Kind.EXTENDS;
  }
}
