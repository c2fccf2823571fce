package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.FileSystemGeneratedFiles;
import org.springframework.aot.generate.GeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;

/**
 * A context as {@code process-aot} leaves it: the runner's context processed by Spring AOT, its
 * generated sources compiled, and a context refreshed from the generated initializer only (no
 * configuration classes parsed, no conditions evaluated), as an AOT-processed application or a
 * native image starts. Backon's classes and the generated ones are loaded together in a class
 * loader of their own, so that generated code reaches package-private members as it does in an
 * application; Spring's and the libraries' classes are shared with the test. Not thread-safe.
 */
final class AotProcessedContext {

  private static final String GENERATED_PACKAGE = "io.backon.aottest";

  private final RuntimeHints hints;
  private final String initializer;
  private final URLClassLoader loader;

  private AotProcessedContext(RuntimeHints hints, String initializer, URLClassLoader loader) {
    this.hints = hints;
    this.initializer = initializer;
    this.loader = loader;
  }

  /** Processes the context {@code runner} prepares into {@code work}, and compiles the sources. */
  static AotProcessedContext process(ApplicationContextRunner runner, Path work) {
    Path sources = work.resolve("sources");
    Path classes = work.resolve("classes");
    RuntimeHints[] hints = new RuntimeHints[1];
    ClassName[] initializer = new ClassName[1];
    runner.prepare(
        context -> {
          DefaultGenerationContext generation =
              new DefaultGenerationContext(
                  new ClassNameGenerator(ClassName.get(GENERATED_PACKAGE, "App")),
                  new FileSystemGeneratedFiles(
                      kind -> kind == GeneratedFiles.Kind.SOURCE ? sources : classes));
          initializer[0] =
              new ApplicationContextAotGenerator()
                  .processAheadOfTime(
                      (GenericApplicationContext) context.getSourceApplicationContext(),
                      generation);
          generation.writeGeneratedContent();
          hints[0] = generation.getRuntimeHints();
        });
    List<String> classpath = classpath();
    compile(sources, classes, classpath);
    List<URL> urls = new ArrayList<>();
    urls.add(url(classes));
    for (String entry : classpath) {
      urls.add(url(Path.of(entry)));
    }
    return new AotProcessedContext(
        hints[0],
        initializer[0].canonicalName(),
        new OwnPackagesFirst(urls.toArray(URL[]::new), packagesOf(classes)));
  }

  /** The runtime hints the processing registered. */
  RuntimeHints hints() {
    return hints;
  }

  /** A context refreshed from the generated code, with {@code properties} at run time. */
  @SuppressWarnings("unchecked")
  GenericApplicationContext start(String... properties) throws ReflectiveOperationException {
    GenericApplicationContext context = new GenericApplicationContext();
    context.setClassLoader(loader);
    TestPropertyValues.of(properties).applyTo(context);
    ((ApplicationContextInitializer<GenericApplicationContext>)
            loader.loadClass(initializer).getDeclaredConstructor().newInstance())
        .initialize(context);
    context.refresh();
    return context;
  }

  private static List<String> classpath() {
    String path = System.getProperty("surefire.test.class.path");
    if (path == null || path.isBlank()) {
      path = System.getProperty("java.class.path");
    }
    return List.of(path.split(File.pathSeparator));
  }

  private static void compile(Path sources, Path classes, List<String> classpath) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "-proc:none",
                "-nowarn",
                "-d",
                classes.toString(),
                "-cp",
                String.join(File.pathSeparator, classpath)));
    try (var files = Files.walk(sources)) {
      files
          .filter(file -> file.toString().endsWith(".java"))
          .forEach(file -> arguments.add(file.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(
            ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, arguments.toArray(String[]::new)))
        .as("the generated sources compile")
        .isZero();
  }

  /** The packages of the compiled classes under {@code classes}. */
  private static Set<String> packagesOf(Path classes) {
    try (var files = Files.walk(classes)) {
      return files
          .filter(file -> file.toString().endsWith(".class"))
          .map(file -> classes.relativize(file.getParent()).toString())
          .map(directory -> directory.replace(File.separatorChar, '.'))
          .collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static URL url(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(path.toString(), e);
    }
  }

  /**
   * Loads the classes of Backon's packages and of the packages the generated code was written to
   * (some are Spring's, whose generated code reaches package-private members) itself, everything
   * else from the test's class loader.
   */
  private static final class OwnPackagesFirst extends URLClassLoader {

    private final Set<String> generatedPackages;

    OwnPackagesFirst(URL[] urls, Set<String> generatedPackages) {
      super("aot-processed", urls, AotProcessedContext.class.getClassLoader());
      this.generatedPackages = generatedPackages;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      int dot = name.lastIndexOf('.');
      String packageName = dot < 0 ? "" : name.substring(0, dot);
      if (!name.startsWith("io.backon.") && !generatedPackages.contains(packageName)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          loaded = findClass(name);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }
  }
}
