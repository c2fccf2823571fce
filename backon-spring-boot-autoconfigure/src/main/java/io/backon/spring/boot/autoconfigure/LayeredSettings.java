package io.backon.spring.boot.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;

/**
 * Settings merged from several layers (core defaults, {@code backon.defaults}, the {@code extends}
 * chain, the policy, an annotation), remembering which layer each value came from so an error can
 * name the exact property to fix. A setting is "set" when it is non-null (lists: non-empty). Nested
 * beans (hedging) merge property by property under {@code "hedging.maxHedges"}-style names.
 *
 * @param <T> one of the JavaBean property classes
 */
final class LayeredSettings<T> {

  private final T merged;
  private final Map<String, SettingSource> sources = new HashMap<>();
  private final Map<String, Integer> layers = new HashMap<>();
  private int overlays;

  private LayeredSettings(T merged) {
    this.merged = merged;
  }

  /** Empty settings: every value as the fresh JavaBean has it. */
  static <T> LayeredSettings<T> empty(Supplier<T> factory) {
    return new LayeredSettings<>(factory.get());
  }

  /** Overlays every set value of {@code layer}, recording {@code source} as its origin. */
  LayeredSettings<T> overlay(T layer, SettingSource source) {
    overlays++;
    copy(layer, merged, "", source);
    return this;
  }

  /** The merged settings; treat as read-only. */
  T values() {
    return merged;
  }

  /** Whether {@code property} ("maxTries", "hedging.delay") was set by some layer. */
  boolean isSet(String property) {
    return sources.containsKey(property);
  }

  /** The properties some layer set. */
  java.util.Set<String> setProperties() {
    return java.util.Collections.unmodifiableSet(sources.keySet());
  }

  /** The layer that set {@code property}, if any. */
  @Nullable SettingSource sourceOf(String property) {
    return sources.get(property);
  }

  /**
   * The position of the layer that set {@code property}: higher is more specific; -1 when unset.
   */
  int layerOf(String property) {
    return layers.getOrDefault(property, -1);
  }

  /** The full name of {@code property} where it was set, or in {@code fallback} if unset. */
  String describe(String property, SettingSource fallback) {
    SettingSource source = sources.get(property);
    return (source != null ? source : fallback).describe(property);
  }

  private void copy(Object from, Object to, String prefix, SettingSource source) {
    BeanWrapper reader = PropertyAccessorFactory.forBeanPropertyAccess(from);
    BeanWrapper writer = PropertyAccessorFactory.forBeanPropertyAccess(to);
    for (PropertyDescriptor descriptor : reader.getPropertyDescriptors()) {
      String name = descriptor.getName();
      if (descriptor.getReadMethod() == null || descriptor.getWriteMethod() == null) {
        continue;
      }
      Object value = reader.getPropertyValue(name);
      if (value == null || (value instanceof Collection<?> c && c.isEmpty())) {
        continue;
      }
      if (isNestedBean(descriptor.getPropertyType())) {
        Object target = writer.getPropertyValue(name);
        if (target != null) {
          copy(value, target, prefix + name + ".", source);
        }
        continue;
      }
      writer.setPropertyValue(name, value);
      sources.put(prefix + name, source);
      layers.put(prefix + name, overlays);
    }
  }

  private static boolean isNestedBean(Class<?> type) {
    return type.getName().startsWith("io.backon.spring.") && !BeanUtils.isSimpleProperty(type);
  }
}
