package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Backon;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Fallback methods as a Spring Retry ({@code @Recover}) or Resilience4j ({@code fallbackMethod})
 * user writes them: where they may live and which signatures fit (README, "Fallback"); what each
 * return type's fallback receives and returns: {@link FallbackReturnKindsTest}.
 */
class FallbackMethodsTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PropertyPlaceholderAutoConfiguration.class, BackonAutoConfiguration.class))
          .withPropertyValues("backon.defaults.wait=none");

  /** Counts attempts and fails every one with {@code IOException("down#n")}. */
  static class Downstream {
    private final AtomicInteger calls = new AtomicInteger();

    String fail() throws IOException {
      throw new IOException("down#" + calls.incrementAndGet());
    }

    public int calls() {
      return calls.get();
    }
  }

  static class Payments {
    final Downstream downstream = new Downstream();
    final List<Throwable> seen = new ArrayList<>();

    @Backon(fallback = "queued")
    public String charge(String order) throws IOException {
      return downstream.fail();
    }

    String queued(String order, Throwable failure) {
      seen.add(failure);
      return "queued " + order;
    }

    @Backon(fallback = "cached")
    public String price(String item) throws IOException {
      return downstream.fail();
    }

    String cached(String item) {
      return "cached " + item;
    }

    @Backon(fallback = "lookupFallback")
    public String lookup(String id) throws IOException {
      return downstream.fail();
    }

    @Backon(fallback = "lookupFallback")
    public String lookup(String id, int version) throws IOException {
      return downstream.fail();
    }

    String lookupFallback(String id, Throwable failure) {
      return "by id " + id;
    }

    String lookupFallback(String id, int version, Throwable failure) {
      return "by id " + id + " v" + version;
    }

    @Backon(fallback = "zero")
    public int count() throws IOException {
      downstream.fail();
      return 1;
    }

    int zero() {
      return 0;
    }

    public Downstream downstream() {
      return downstream;
    }

    public List<Throwable> seen() {
      return seen;
    }
  }

  @Test
  void aFallbackGetsTheArgumentsAndTheLastAttemptsFailureAfterEveryAttemptFailed() {
    runner
        .withBean(Payments.class)
        .run(
            context -> {
              Payments payments = context.getBean(Payments.class);

              assertThat(payments.charge("o-1")).isEqualTo("queued o-1");
              assertThat(payments.downstream().calls()).isEqualTo(3);
              assertThat(payments.seen())
                  .singleElement()
                  .satisfies(
                      f -> assertThat(f).isInstanceOf(IOException.class).hasMessage("down#3"));
            });
  }

  @Test
  void aFallbackWithoutAFailureParameterFitsToo() {
    runner
        .withBean(Payments.class)
        .run(
            context ->
                assertThat(context.getBean(Payments.class).price("tea")).isEqualTo("cached tea"));
  }

  @Test
  void eachOverloadGetsTheFallbackOverloadWithItsOwnParameters() {
    runner
        .withBean(Payments.class)
        .run(
            context -> {
              Payments payments = context.getBean(Payments.class);

              assertThat(payments.lookup("a")).isEqualTo("by id a");
              assertThat(payments.lookup("a", 2)).isEqualTo("by id a v2");
            });
  }

  @Test
  void aPrimitiveReturningMethodTakesAPrimitiveFallback() {
    runner
        .withBean(Payments.class)
        .run(context -> assertThat(context.getBean(Payments.class).count()).isZero());
  }

  static class FallbacksOfBaseClass {
    private String privateInBase(String id, IOException failure) {
      return "private in base " + id;
    }

    static String staticInBase(String id) {
      return "static in base " + id;
    }

    String overridden(String id) {
      return "base " + id;
    }
  }

  static class InheritedFallbacks extends FallbacksOfBaseClass {
    @Backon(fallback = "privateInBase")
    public String a(String id) throws IOException {
      throw new IOException("down");
    }

    @Backon(fallback = "staticInBase")
    public String b(String id) throws IOException {
      throw new IOException("down");
    }

    @Backon(fallback = "overridden")
    public String c(String id) throws IOException {
      throw new IOException("down");
    }

    @Override
    String overridden(String id) {
      return "subclass " + id;
    }
  }

  @Test
  void aFallbackMayBePrivateStaticOrInheritedAndAnOverrideWins() {
    runner
        .withBean(InheritedFallbacks.class)
        .run(
            context -> {
              InheritedFallbacks bean = context.getBean(InheritedFallbacks.class);

              assertThat(bean.a("1")).isEqualTo("private in base 1");
              assertThat(bean.b("2")).isEqualTo("static in base 2");
              assertThat(bean.c("3")).isEqualTo("subclass 3");
            });
  }

  interface DefaultAnswers {
    default String unknown(String id, Throwable failure) {
      return "unknown " + id;
    }
  }

  static class ClassWithInterfaceFallback implements DefaultAnswers {
    @Backon(fallback = "unknown")
    public String name(String id) throws IOException {
      throw new IOException("down");
    }
  }

  @Test
  void aDefaultMethodOfAnInterfaceTheClassImplementsCanBeTheFallback() {
    runner
        .withBean(ClassWithInterfaceFallback.class)
        .run(
            context ->
                assertThat(context.getBean(ClassWithInterfaceFallback.class).name("7"))
                    .isEqualTo("unknown 7"));
  }

  abstract static class Repository<T> {
    @Backon(fallback = "missing")
    public T find(String id) throws IOException {
      throw new IOException("down");
    }

    abstract T missing(String id, Throwable failure);

    @Backon(fallback = "none")
    public List<T> findAll() throws IOException {
      throw new IOException("down");
    }

    List<T> none() {
      return List.of();
    }
  }

  static class NameRepository extends Repository<String> {
    @Override
    String missing(String id, Throwable failure) {
      return "no name " + id;
    }
  }

  @Test
  void aGenericBaseClassesFallbackFitsWithTheTypeItsSubclassBinds() {
    runner
        .withBean(NameRepository.class)
        .run(
            context -> {
              NameRepository repository = context.getBean(NameRepository.class);

              assertThat(repository.find("9")).isEqualTo("no name 9");
              assertThat(repository.findAll()).isEmpty();
            });
  }

  static class TypedFallbacks {
    @Backon(fallback = "onMissingFile")
    public String read(String path) throws IOException {
      throw new FileNotFoundException(path);
    }

    @Backon(fallback = "onMissingFile")
    public String readBroken(String path) throws IOException {
      throw new IOException("disk on fire");
    }

    String onMissingFile(String path, FileNotFoundException failure) {
      return "empty " + path;
    }

    @Backon(fallback = "failsToo")
    public String failing() throws IOException {
      throw new IOException("down");
    }

    String failsToo(IOException failure) throws FileNotFoundException {
      throw new FileNotFoundException("the spare is gone too");
    }
  }

  @Test
  void aFallbackTakingAFailureSubtypeAnswersOnlyThatTypeAndOtherFailuresReachTheCaller() {
    runner
        .withBean(TypedFallbacks.class)
        .run(
            context -> {
              TypedFallbacks bean = context.getBean(TypedFallbacks.class);

              assertThat(bean.read("a.txt")).isEqualTo("empty a.txt");
              assertThatThrownBy(() -> bean.readBroken("b.txt"))
                  .isInstanceOf(IOException.class)
                  .hasMessage("disk on fire");
            });
  }

  @Test
  void aCheckedExceptionAFallbackThrowsReachesTheCallerAsThrownWithTheFailureSuppressed() {
    runner
        .withBean(TypedFallbacks.class)
        .run(
            context ->
                assertThatThrownBy(context.getBean(TypedFallbacks.class)::failing)
                    .isExactlyInstanceOf(FileNotFoundException.class)
                    .hasMessage("the spare is gone too")
                    .satisfies(
                        thrown ->
                            assertThat(thrown.getSuppressed())
                                .singleElement()
                                .satisfies(s -> assertThat(s).hasMessage("down"))));
  }

  @Backon(fallback = "recover")
  static class ClassLevelWithFallback {
    private final AtomicInteger calls = new AtomicInteger();

    public String charge(String order) throws IOException {
      calls.incrementAndGet();
      throw new IOException("down");
    }

    public String refund(String order) throws IOException {
      calls.incrementAndGet();
      throw new IOException("down");
    }

    public String recover(String order, Throwable failure) {
      return "recovered " + order + " after " + calls.get();
    }
  }

  @Test
  void aClassLevelFallbackAnswersEveryMethodAndIsNotRetriedItself() {
    runner
        .withBean(ClassLevelWithFallback.class)
        .run(
            context -> {
              ClassLevelWithFallback bean = context.getBean(ClassLevelWithFallback.class);

              assertThat(bean.charge("o-1")).isEqualTo("recovered o-1 after 3");
              assertThat(bean.refund("o-1")).isEqualTo("recovered o-1 after 6");
              assertThat(
                      BackonIntrospection.policyOf(
                          bean,
                          ClassLevelWithFallback.class.getMethod(
                              "recover", String.class, Throwable.class)))
                  .isEmpty();
            });
  }

  static class FutureFallbackOfAnotherValueType {
    @Backon(fallback = "count")
    public CompletableFuture<String> name() {
      return CompletableFuture.failedFuture(new IOException("down"));
    }

    CompletableFuture<Integer> count(Throwable failure) {
      return CompletableFuture.completedFuture(0);
    }
  }

  static class ListFallbackOfAnotherElementType {
    @Backon(fallback = "ids")
    public List<String> names() throws IOException {
      throw new IOException("down");
    }

    List<Integer> ids() {
      return List.of(1);
    }
  }

  @Test
  void aFallbackWhoseTypeArgumentsDifferFailsTheStartupNamingBothTypes() {
    runner
        .withBean(FutureFallbackOfAnotherValueType.class)
        .run(
            context ->
                assertThat(reportOf(context.getStartupFailure()).getDescription())
                    .contains("BACKON-CFG-013")
                    .contains("@Backon(fallback) on FutureFallbackOfAnotherValueType.name()")
                    .contains("found CompletableFuture<Integer> count(Throwable)"));
    runner
        .withBean(ListFallbackOfAnotherElementType.class)
        .run(
            context -> {
              FailureAnalysis report = reportOf(context.getStartupFailure());
              assertThat(report.getDescription())
                  .contains("BACKON-CFG-013")
                  .contains("found List<Integer> ids()");
              assertThat(report.getAction())
                  .contains("List<String> ids() or List<String> ids(Throwable failure)");
            });
  }

  private static FailureAnalysis reportOf(Throwable startupFailure) {
    assertThat(startupFailure).as("the startup fails").isNotNull();
    FailureAnalysis report = BadConfig.analyze(startupFailure);
    assertThat(report).as("a Backon report for %s", startupFailure).isNotNull();
    return report;
  }
}
