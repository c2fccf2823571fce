package io.backon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine package shows other Backon packages only what they need (issue 12): at most six public
 * types, each one used outside the package. Reads the module's sources.
 */
class InternalSurfaceTest {

  private static final Path SOURCES = Path.of("src", "main", "java", "io", "backon");
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile("(?m)^public (final |abstract )?(class|interface|enum|record) (\\w+)");

  @Test
  void atMostSixTypesArePublicAndEachIsUsedByAnotherPackage() throws IOException {
    List<String> publicTypes = publicTypesOf(SOURCES.resolve("internal"));

    assertThat(publicTypes)
        .as("public types of io.backon.internal")
        .hasSizeLessThanOrEqualTo(6)
        .containsExactlyInAnyOrder(
            "CallDriver", "Engine", "GlobalSettings", "IteratorCall", "Pipeline");
    String outside = sourcesOutsideInternal();
    for (String type : publicTypes) {
      assertThat(outside).as("a use of %s outside internal", type).contains("internal." + type);
    }
  }

  @Test
  void theHedgePackageDoesNotImportTheEngine() throws IOException {
    try (Stream<Path> files = Files.list(SOURCES.resolve("hedge"))) {
      assertThat(files.filter(file -> file.toString().endsWith(".java")))
          .isNotEmpty()
          .allSatisfy(
              file ->
                  assertThat(read(file))
                      .as("%s imports no engine type (only the leaf internal.support)", file)
                      .doesNotContainPattern("io\\.backon\\.internal\\.[A-Z]"));
    }
  }

  private static List<String> publicTypesOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(file -> file.toString().endsWith(".java"))
          .flatMap(
              file -> {
                var matcher = PUBLIC_TYPE.matcher(read(file));
                return matcher.find() ? Stream.of(matcher.group(3)) : Stream.empty();
              })
          .toList();
    }
  }

  private static String sourcesOutsideInternal() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      StringBuilder all = new StringBuilder();
      files
          .filter(file -> file.toString().endsWith(".java"))
          .filter(file -> !file.startsWith(SOURCES.resolve("internal")))
          .forEach(file -> all.append(read(file)));
      return all.toString();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
