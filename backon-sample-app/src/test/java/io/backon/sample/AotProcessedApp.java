package io.backon.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.awaitility.Awaitility;
import org.springframework.util.FileSystemUtils;

/**
 * The sample app as {@code process-aot} and a native image would run it, on this JVM: processed by
 * Spring AOT ({@code SpringApplicationAotProcessor}) into {@code target/aot-test}, its generated
 * sources compiled, and started in a separate JVM with {@code -Dspring.aot.enabled=true
 * -Dorg.graalvm.nativeimage.imagecode=runtime} (Spring's native-image mode: generated bean
 * definitions only, and CGLIB refuses to generate classes, as in a native image). Ephemeral ports
 * for the app and its downstream. Not thread-safe; close it to stop the app.
 */
final class AotProcessedApp implements AutoCloseable {

  /**
   * Where the processing writes: sources, resources, classes (the proxies), compiled sources, logs.
   */
  static final Path WORK = Path.of("target", "aot-test").toAbsolutePath();

  private static final String MAIN_CLASS = SampleApplication.class.getName();
  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);
  private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

  private final Process process;
  private final Path log;
  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private AotProcessedApp(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Processes, compiles and starts the app with {@code arguments} (run-time only: the processing
   * sees none); fails with the process's output when a step fails.
   */
  static AotProcessedApp processCompileAndStart(String... arguments)
      throws IOException, InterruptedException {
    FileSystemUtils.deleteRecursively(WORK.resolve("sources"));
    FileSystemUtils.deleteRecursively(WORK.resolve("resources"));
    FileSystemUtils.deleteRecursively(WORK.resolve("classes"));
    FileSystemUtils.deleteRecursively(WORK.resolve("compiled"));
    List<String> appClasspath = new ArrayList<>();
    appClasspath.add(Path.of("target", "classes").toAbsolutePath().toString());
    appClasspath.addAll(runtimeClasspath());

    Process aot =
        java(
            appClasspath,
            List.of(),
            "org.springframework.boot.SpringApplicationAotProcessor",
            List.of(
                MAIN_CLASS,
                WORK.resolve("sources").toString(),
                WORK.resolve("resources").toString(),
                WORK.resolve("classes").toString(),
                "io.backon",
                "backon-sample-app"),
            WORK.resolve("process-aot.log"));
    assertThat(aot.waitFor(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
        .as("AOT processing finished")
        .isTrue();
    assertThat(aot.exitValue())
        .as("AOT processing, see %s", WORK.resolve("process-aot.log"))
        .isZero();

    compile(WORK.resolve("sources"), WORK.resolve("compiled"), appClasspath);

    List<String> aotClasspath =
        new ArrayList<>(
            List.of(
                WORK.resolve("compiled").toString(),
                WORK.resolve("resources").toString(),
                WORK.resolve("classes").toString()));
    aotClasspath.addAll(appClasspath);
    Path log = WORK.resolve("app.log");
    List<String> runArguments =
        new ArrayList<>(List.of("--server.port=0", "--sample.downstream.port=0"));
    runArguments.addAll(List.of(arguments));
    Process app =
        java(
            aotClasspath,
            List.of("-Dspring.aot.enabled=true", "-Dorg.graalvm.nativeimage.imagecode=runtime"),
            MAIN_CLASS,
            runArguments,
            log);
    try {
      Awaitility.await("the AOT-processed app starting")
          .atMost(STEP_TIMEOUT)
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> !app.isAlive() || Files.readString(log).contains("Started SampleApplication"));
      assertThat(app.isAlive())
          .as("the app is running; its output:%n%s", Files.readString(log))
          .isTrue();
      Matcher port = PORT.matcher(Files.readString(log));
      assertThat(port.find()).as("the app logged its port").isTrue();
      return new AotProcessedApp(app, log, Integer.parseInt(port.group(1)));
    } catch (RuntimeException | Error e) {
      app.destroyForcibly();
      throw e;
    }
  }

  /** What the app has logged so far. */
  String output() throws IOException {
    return Files.readString(log);
  }

  /** {@code GET path}: the body of a 200 answer. */
  String get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** {@code method path} with a JSON body: the body of a 200 answer. */
  String send(String method, String path, String json) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json)));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as("%s answered %s", response.uri(), response.body())
        .isEqualTo(200);
    return response.body();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /**
   * The runtime class path the build wrote (maven-dependency-plugin, phase
   * generate-test-resources).
   */
  private static List<String> runtimeClasspath() throws IOException {
    Path file = WORK.resolve("runtime-classpath.txt");
    assertThat(file)
        .as("written by the Maven build of backon-sample-app; run the test through Maven")
        .exists();
    return List.of(Files.readString(file).trim().split(File.pathSeparator));
  }

  /** A JVM like this one (C1 only: short-lived), its output in {@code log}. */
  private static Process java(
      List<String> classpath,
      List<String> properties,
      String mainClass,
      List<String> arguments,
      Path log)
      throws IOException {
    Files.createDirectories(log.getParent());
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Xmx512m",
                "-cp",
                String.join(File.pathSeparator, classpath)));
    command.addAll(properties);
    command.add(mainClass);
    command.addAll(arguments);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void compile(Path sources, Path output, List<String> classpath)
      throws IOException {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "-proc:none",
                "-nowarn",
                "-d",
                output.toString(),
                "-cp",
                String.join(File.pathSeparator, classpath)));
    try (Stream<Path> files = Files.walk(sources)) {
      files
          .filter(file -> file.toString().endsWith(".java"))
          .forEach(file -> arguments.add(file.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, arguments.toArray(String[]::new)))
        .as("the generated sources compile")
        .isZero();
  }
}
