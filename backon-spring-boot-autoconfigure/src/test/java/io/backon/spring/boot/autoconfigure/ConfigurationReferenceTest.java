package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The README's configuration reference lists exactly the keys in the generated metadata, plus the
 * three defaults sections and {@code extends}, a key that exists only in a named policy (the
 * metadata ignores {@code backon.defaults.extends}, which is an error).
 */
class ConfigurationReferenceTest {

  /** The sections whose keys the README lists in their own tables. */
  private static final List<String> DEFAULTS_SECTIONS =
      List.of("backon.defaults", "backon.circuit-breaker-defaults", "backon.budget-defaults");

  /** Policy keys valid only under {@code backon.policies.<name>.}, so absent from the metadata. */
  private static final List<String> NAMED_POLICY_ONLY = List.of("extends");

  private static final List<String[]> SECTIONS =
      List.of(
          new String[] {"backon.defaults.", "**Policy keys**"},
          new String[] {"backon.circuit-breaker-defaults.", "**Circuit breaker keys**"},
          new String[] {"backon.budget-defaults.", "**Retry budget keys**"},
          new String[] {"backon.http.defaults.", "**HTTP client keys**"});

  @Test
  void everyMetadataKeyIsDocumentedInTheReadmeWithItsDescription() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    for (JsonNode property : metadata().get("properties")) {
      String name = property.get("name").asString();
      String description =
          property.has("description") ? property.get("description").asString() : "";
      String key = shortKey(name);
      String section = sectionOf(readme, name);
      assertThat(section)
          .as("README section for %s", name)
          .contains("| `" + key + "` |")
          .contains(description.replace("|", "\\|"));
    }
  }

  @Test
  void theReadmeDocumentsNoKeyThatDoesNotExist() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    List<String> known = new ArrayList<>(DEFAULTS_SECTIONS);
    known.addAll(NAMED_POLICY_ONLY);
    for (JsonNode property : metadata().get("properties")) {
      known.add(shortKey(property.get("name").asString()));
    }
    String reference =
        readme.substring(
            readme.indexOf("### Configuration reference"), readme.indexOf("### Startup errors"));
    Matcher row = Pattern.compile("(?m)^\\| `([a-z.-]+)` \\|").matcher(reference);
    int rows = 0;
    while (row.find()) {
      assertThat(known).as("keys in the metadata").contains(row.group(1));
      rows++;
    }
    assertThat(rows).isEqualTo(known.size());
  }

  @Test
  void theDefaultsSectionsAreGroupsOfTheMetadata() throws IOException {
    List<String> groups = new ArrayList<>();
    for (JsonNode group : metadata().get("groups")) {
      groups.add(group.get("name").asString());
    }
    assertThat(groups).containsAll(DEFAULTS_SECTIONS);
  }

  @Test
  void noKeyThatIsAnErrorIsOffered() throws IOException {
    List<String> names = new ArrayList<>();
    for (JsonNode property : metadata().get("properties")) {
      names.add(property.get("name").asString());
    }
    assertThat(names).doesNotContain("backon.defaults.extends");
  }

  private static String shortKey(String name) {
    for (String[] section : SECTIONS) {
      if (name.startsWith(section[0])) {
        return name.substring(section[0].length());
      }
    }
    return name;
  }

  private static String sectionOf(String readme, String name) {
    int start = readme.indexOf("### Configuration reference");
    for (int i = 0; i < SECTIONS.size(); i++) {
      if (name.startsWith(SECTIONS.get(i)[0])) {
        start = readme.indexOf(SECTIONS.get(i)[1]);
        int end =
            i + 1 < SECTIONS.size()
                ? readme.indexOf(SECTIONS.get(i + 1)[1])
                : readme.indexOf("### Startup errors");
        return readme.substring(start, end);
      }
    }
    return readme.substring(start, readme.indexOf(SECTIONS.get(0)[1]));
  }

  static JsonNode metadata() throws IOException {
    try (InputStream in =
        ConfigurationReferenceTest.class.getResourceAsStream(
            "/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("generated metadata").isNotNull();
      return new ObjectMapper().readTree(in);
    }
  }
}
