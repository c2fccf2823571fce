package io.backon.spring.boot.autoconfigure.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The meters the README's table under "### Meters" lists, as Prometheus names them, read from the
 * README itself so that a meter added to the code and not to the table (or the other way round)
 * fails the scrape tests.
 */
final class DocumentedMeters {

  private DocumentedMeters() {}

  /** Every metric name starting with "backon" in a scrape, from samples and comments alike. */
  static Set<String> backonMetricNames(String scrape) {
    Set<String> names = new TreeSet<>();
    Matcher metric =
        Pattern.compile("(?m)^(?:# (?:HELP|TYPE|UNIT) )?(backon[a-zA-Z0-9_:]*)").matcher(scrape);
    while (metric.find()) {
      names.add(metric.group(1));
    }
    return names;
  }

  /**
   * The Prometheus names of the meters in the README's table: the meter name with dots as
   * underscores (group 1), its base unit, and a sample suffix.
   */
  static Pattern pattern() throws IOException {
    StringBuilder names = new StringBuilder();
    for (String meter : tags().keySet()) {
      names.append(names.isEmpty() ? "" : "|").append(Pattern.quote(meter.replace('.', '_')));
    }
    return Pattern.compile(
        "(" + names + ")(_seconds|_percent)?(_count|_sum|_max|_bucket|_total|_created)?");
  }

  /** Each meter of the README's table to the tags its row names (in backquotes). */
  static Map<String, Set<String>> tags() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String table =
        readme.substring(readme.indexOf("### Meters"), readme.indexOf("### Observations"));
    Matcher row =
        Pattern.compile("(?m)^\\| `(backon\\.[a-z.]+)` \\| [^|]+ \\| ([^|]+) \\|").matcher(table);
    Map<String, Set<String>> tags = new TreeMap<>();
    while (row.find()) {
      Set<String> names = new TreeSet<>();
      Matcher tag = Pattern.compile("`([a-z_]+)`").matcher(row.group(2));
      while (tag.find()) {
        names.add(tag.group(1));
      }
      tags.put(row.group(1), names);
    }
    assertThat(tags).as("meters in the README's table").isNotEmpty();
    return tags;
  }

  /**
   * The label names of each sample of a {@code backon} metric in a scrape that its meter's row in
   * the README does not name ({@code le}, a histogram's bucket bound, aside), as {@code
   * "sample{label}"}.
   */
  static Set<String> undocumentedLabels(String scrape) throws IOException {
    Map<String, Set<String>> documented = new TreeMap<>();
    tags().forEach((meter, names) -> documented.put(meter.replace('.', '_'), names));
    Pattern meterName = pattern();
    Set<String> undocumented = new TreeSet<>();
    Matcher sample = Pattern.compile("(?m)^(backon[a-zA-Z0-9_:]*)\\{([^}]*)\\}").matcher(scrape);
    while (sample.find()) {
      Matcher meter = meterName.matcher(sample.group(1));
      Set<String> allowed = meter.matches() ? documented.get(meter.group(1)) : Set.<String>of();
      Matcher label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"").matcher(sample.group(2));
      while (label.find()) {
        if (!label.group(1).equals("le") && !allowed.contains(label.group(1))) {
          undocumented.add(sample.group(1) + "{" + label.group(1) + "}");
        }
      }
    }
    return undocumented;
  }
}
