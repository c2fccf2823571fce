package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What an IDE shows for each key (from the generated metadata) is what the README's configuration
 * reference says: a description, the type of the Type column, and the default the description
 * states ("Default 3."), as the metadata's default value, so the IDE shows it too. A description
 * that gives the default in prose ("Default: none") has no default value.
 */
class ConfigurationTypesAndDefaultsTest {

  /** The README's tables of keys: the heading above each, and the prefix of its keys. */
  private static final Map<String, String> TABLES =
      Map.of(
          "**Policy keys**", "backon.defaults.",
          "**Circuit breaker keys**", "backon.circuit-breaker-defaults.",
          "**Retry budget keys**", "backon.budget-defaults.",
          "**HTTP client keys**", "backon.http.defaults.");

  /** "Default 3." and "Default 2 (decay: 1)." state 3 and 2; "Default: none." states none. */
  private static final Pattern STATED_DEFAULT =
      Pattern.compile("Default (?!:)(.+?)(?:,? at most| \\(|\\.(?: |$))");

  @Test
  void everyKeyHasADescriptionAndAType() throws IOException {
    for (JsonNode property : backonProperties()) {
      String name = property.get("name").asString();
      assertThat(text(property, "description")).as("description of %s", name).isNotBlank();
      assertThat(text(property, "type")).as("type of %s", name).isNotBlank();
    }
  }

  @Test
  void everyKeysTypeIsTheReadmes() throws IOException {
    Map<String, String> readmeTypes = readmeRows(1);
    Map<String, List<String>> hints = hintValues();
    for (JsonNode property : backonProperties()) {
      String name = property.get("name").asString();
      String type = text(property, "type");
      assertThat(readmeTypes).as("README row of %s", name).containsKey(name);
      assertThat(readmeTypes.get(name))
          .as("README type of %s (metadata: %s)", name, type)
          .isIn(readmeSpellings(type, hints.getOrDefault(name, List.of())));
    }
  }

  @Test
  void everyDefaultADescriptionStatesIsTheKeysDefaultValue() throws IOException {
    List<String> checked = new ArrayList<>();
    for (JsonNode property : backonProperties()) {
      String name = property.get("name").asString();
      Matcher stated = STATED_DEFAULT.matcher(text(property, "description"));
      if (stated.find()) {
        checked.add(name);
        assertThat(property.has("defaultValue"))
            .as("%s states \"Default %s\" but has no default value", name, stated.group(1))
            .isTrue();
        assertThat(valueText(property.get("defaultValue")))
            .as("default value of %s", name)
            .isEqualToIgnoringCase(stated.group(1));
      }
    }
    assertThat(checked).contains("backon.defaults.max-tries", "backon.observations.enabled");
  }

  @Test
  void everyDefaultValueIsStatedInTheDescription() throws IOException {
    for (JsonNode property : backonProperties()) {
      if (!property.has("defaultValue")) {
        continue;
      }
      String name = property.get("name").asString();
      Matcher stated = STATED_DEFAULT.matcher(text(property, "description"));
      assertThat(stated.find())
          .as(
              "the description of %s states its default %s",
              name, valueText(property.get("defaultValue")))
          .isTrue();
    }
  }

  /** The ways the README's Type column may spell a metadata type. */
  private static List<String> readmeSpellings(String type, List<String> hints) {
    if (type.startsWith("java.util.Map<")) {
      return List.of("map");
    }
    if (type.equals("java.util.List<java.lang.Class<? extends java.lang.Throwable>>")) {
      return List.of("list of exception classes");
    }
    if (type.equals("java.util.List<java.lang.String>")) {
      return List.of("list of host patterns");
    }
    if (type.equals("java.util.List<java.lang.Integer>")) {
      return List.of("list of statuses");
    }
    String simple = type.substring(type.lastIndexOf('.') + 1);
    List<String> spellings = new ArrayList<>(List.of(simple));
    if (type.equals("java.lang.System$Logger$Level")) {
      spellings.add("System.Logger.Level");
    }
    if (!hints.isEmpty()) {
      spellings.add(String.join(", ", hints));
    }
    return spellings;
  }

  /** A default value as the README writes it: lists joined by ", ". */
  private static String valueText(JsonNode value) {
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(valueText(item)));
      return String.join(", ", items);
    }
    return value.asString();
  }

  /** Column {@code column} (0: key) of every README reference row, by the key's full name. */
  private static Map<String, String> readmeRows(int column) throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String reference =
        readme.substring(
            readme.indexOf("### Configuration reference"), readme.indexOf("### Startup errors"));
    Map<String, String> rows = new LinkedHashMap<>();
    String prefix = "";
    for (String line : reference.lines().toList()) {
      for (Map.Entry<String, String> table : TABLES.entrySet()) {
        if (line.startsWith(table.getKey())) {
          prefix = table.getValue();
        }
      }
      Matcher row = Pattern.compile("^\\| `([a-z.-]+)` \\| ([^|]+) \\|").matcher(line);
      if (row.find()) {
        String key = row.group(1);
        rows.put(key.startsWith("backon.") ? key : prefix + key, row.group(column + 1).trim());
      }
    }
    return rows;
  }

  private static Map<String, List<String>> hintValues() throws IOException {
    Map<String, List<String>> hints = new LinkedHashMap<>();
    for (JsonNode hint : ConfigurationReferenceTest.metadata().get("hints")) {
      List<String> values = new ArrayList<>();
      if (hint.has("values")) {
        hint.get("values").forEach(value -> values.add(value.get("value").asString()));
      }
      hints.put(hint.get("name").asString(), values);
    }
    return hints;
  }

  private static List<JsonNode> backonProperties() throws IOException {
    List<JsonNode> properties = new ArrayList<>();
    for (JsonNode property : ConfigurationReferenceTest.metadata().get("properties")) {
      if (property.get("name").asString().toLowerCase(Locale.ROOT).startsWith("backon.")) {
        properties.add(property);
      }
    }
    return properties;
  }

  private static String text(JsonNode node, String field) {
    return node.has(field) ? node.get(field).asString() : "";
  }
}
