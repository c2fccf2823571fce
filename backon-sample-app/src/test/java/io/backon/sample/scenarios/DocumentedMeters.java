package io.backon.sample.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The meters the README documents, read from the table under "### Meters" in the project's
 * README.md, the page users read: each meter's name, type and tag keys. Immutable.
 */
final class DocumentedMeters {

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern BACKON_METRIC =
      Pattern.compile("(?m)^(?:# (?:HELP|TYPE) )?(backon[a-zA-Z0-9_:]*)");

  private final Map<String, Meter> meters;

  private DocumentedMeters(Map<String, Meter> meters) {
    this.meters = Map.copyOf(meters);
  }

  /** The meters of {@code ../README.md} (tests run in the module's directory). */
  static DocumentedMeters fromReadme() {
    String readme;
    try {
      readme = Files.readString(Path.of("..", "README.md"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int start = readme.indexOf("\n### Meters\n");
    int end = readme.indexOf("\n### ", start + 1);
    Map<String, Meter> meters = new LinkedHashMap<>();
    for (String row : readme.substring(start, end).lines().toList()) {
      if (row.startsWith("| `backon.")) {
        String[] cells = row.split("\\|");
        Meter meter =
            new Meter(
                codeIn(cells[1]).get(0),
                cells[2].strip(),
                new LinkedHashSet<>(codeIn(cells[3].replaceAll("\\([^)]*\\)", ""))));
        meters.put(meter.name(), meter);
      }
    }
    return new DocumentedMeters(meters);
  }

  /** The documented meter names, e.g. {@code backon.calls}. */
  Set<String> names() {
    return meters.keySet();
  }

  /** The documented tag keys of meter {@code name}, or an empty set for an undocumented one. */
  Set<String> tagKeysOf(String name) {
    Meter meter = meters.get(name);
    return meter == null ? Set.of() : meter.tagKeys();
  }

  /**
   * Whether {@code prometheusName} is how Prometheus shows a documented meter: a timer as {@code
   * _seconds_count}, {@code _sum}, {@code _max} or {@code _bucket}; a counter as {@code _total}; a
   * gauge as its name, with its unit appended when the README gives one.
   */
  boolean documents(String prometheusName) {
    for (Meter meter : meters.values()) {
      String base = Pattern.quote(meter.name().replace('.', '_'));
      String type = meter.type();
      String suffixes =
          type.equals("timer")
              ? "_seconds(_count|_sum|_max|_bucket)?"
              : type.equals("counter")
                  ? "_total"
                  : type.startsWith("gauge, ")
                      ? "(_" + Pattern.quote(type.substring(7)) + ")?"
                      : "";
      if (prometheusName.matches(base + suffixes)) {
        return true;
      }
    }
    return false;
  }

  /** Every metric name starting with "backon" in a Prometheus scrape, from samples and comments. */
  static Set<String> backonMetricNames(String scrape) {
    Set<String> names = new TreeSet<>();
    Matcher metric = BACKON_METRIC.matcher(scrape);
    while (metric.find()) {
      names.add(metric.group(1));
    }
    return names;
  }

  private static List<String> codeIn(String cell) {
    return CODE.matcher(cell).results().map(match -> match.group(1)).toList();
  }

  /**
   * One row of the table.
   *
   * @param name e.g. {@code backon.calls}
   * @param type {@code timer}, {@code counter}, {@code gauge} or {@code gauge, <unit>}
   * @param tagKeys e.g. {@code name}, {@code outcome}, {@code exception}
   */
  record Meter(String name, String type, Set<String> tagKeys) {}
}
