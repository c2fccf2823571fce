package io.backon.spring.boot.autoconfigure;

import io.backon.RetryPolicy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code @Backon} methods whose annotation changes their policy (inline overrides or a
 * fallback), with the policy each one runs and where each of its settings came from; recorded at
 * startup as the beans are created, shown by {@code /actuator/backon}. Methods that run a named
 * policy unchanged are not listed. Thread-safe.
 */
public final class MethodPolicies {

  private final Map<String, Entry> methods = new ConcurrentHashMap<>();

  /** An empty record; Backon fills its own as the annotated beans are created. */
  public MethodPolicies() {}

  /**
   * One annotated method's own policy.
   *
   * @param policy the policy the method runs (its name is the policy it starts from)
   * @param origins where each setting came from, keyed as {@link RetryPolicyRegistry#originsOf}
   */
  public record Entry(RetryPolicy policy, Map<String, SettingOrigin> origins) {

    /** Keeps an unmodifiable copy of the origins. */
    public Entry {
      origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
    }
  }

  void record(String method, RetryPolicy policy, Map<String, SettingOrigin> origins) {
    methods.put(method, new Entry(policy, origins));
  }

  /**
   * Every recorded method ({@code PaymentClient.charge(Order)}) with its policy, sorted by method.
   */
  public Map<String, Entry> all() {
    return Collections.unmodifiableMap(new TreeMap<>(methods));
  }
}
