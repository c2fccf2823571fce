package io.backon.sample.scenarios;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of a Prometheus text scrape ({@code /actuator/prometheus}): for every metric name,
 * its label names and the values each label takes. Comment lines are skipped. Immutable.
 */
final class PrometheusScrape {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final Map<String, Map<String, Set<String>>> labelsByMetric;

  private PrometheusScrape(Map<String, Map<String, Set<String>>> labelsByMetric) {
    this.labelsByMetric = labelsByMetric;
  }

  /** Reads the samples of {@code scrape}. */
  static PrometheusScrape parse(String scrape) {
    Map<String, Map<String, Set<String>>> metrics = new TreeMap<>();
    for (String line : scrape.lines().toList()) {
      Matcher sample = SAMPLE.matcher(line);
      if (line.startsWith("#") || !sample.find()) {
        continue;
      }
      Map<String, Set<String>> labels =
          metrics.computeIfAbsent(sample.group(1), m -> new TreeMap<>());
      if (sample.group(3) != null) {
        Matcher label = LABEL.matcher(sample.group(3));
        while (label.find()) {
          labels.computeIfAbsent(label.group(1), l -> new TreeSet<>()).add(label.group(2));
        }
      }
    }
    return new PrometheusScrape(metrics);
  }

  /** The metric names that have samples. */
  Set<String> metrics() {
    return labelsByMetric.keySet();
  }

  /** The label names of {@code metric}'s samples; empty for a metric without samples. */
  Set<String> labelsOf(String metric) {
    return labelsByMetric.getOrDefault(metric, Map.of()).keySet();
  }

  /** The values {@code label} takes in {@code metric}'s samples; empty when none. */
  Set<String> valuesOf(String metric, String label) {
    return labelsByMetric.getOrDefault(metric, Map.of()).getOrDefault(label, Set.of());
  }
}
