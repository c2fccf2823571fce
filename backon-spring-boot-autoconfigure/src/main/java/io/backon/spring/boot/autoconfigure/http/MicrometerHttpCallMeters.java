package io.backon.spring.boot.autoconfigure.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code backon.http.calls}: a timer per call with the tags {@code policy}, {@code host} ({@code
 * host:port}) and {@code outcome}, a meter of its own so that Backon's other meters keep their tag
 * sets. The first {@code maxHosts} hosts keep their own series; calls to further hosts are tagged
 * {@code host="other"}. Thread-safe.
 */
final class MicrometerHttpCallMeters implements HttpCallMeters {

  /** The meter's name. */
  static final String CALLS = "backon.http.calls";

  static final String OTHER_HOST = "other";

  private final MeterRegistry registry;
  private final int maxHosts;
  private final Set<String> hosts = ConcurrentHashMap.newKeySet();

  MicrometerHttpCallMeters(MeterRegistry registry, int maxHosts) {
    this.registry = registry;
    this.maxHosts = maxHosts;
  }

  @Override
  public void record(String policy, HostAddress host, HttpCallOutcome outcome, long nanos) {
    try {
      Timer.builder(CALLS)
          .description("HTTP calls made through Backon, retries and waits included")
          .tag("policy", policy)
          .tag("host", hostTag(host.toString()))
          .tag("outcome", outcome.tag())
          .register(registry)
          .record(nanos, TimeUnit.NANOSECONDS);
    } catch (RuntimeException meterFailure) {
      // a meter must never break a call
    }
  }

  private String hostTag(String host) {
    if (hosts.contains(host)) {
      return host;
    }
    synchronized (hosts) {
      if (hosts.size() < maxHosts) {
        hosts.add(host);
        return host;
      }
    }
    return hosts.contains(host) ? host : OTHER_HOST;
  }
}
