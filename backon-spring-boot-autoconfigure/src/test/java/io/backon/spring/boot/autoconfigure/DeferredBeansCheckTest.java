package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Backon;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Lazy singletons and prototype beans are created after the startup, so the post-processor sees
 * them only at first use; their {@code @Backon} methods are checked at the startup anyway, from the
 * bean definitions, without creating the beans.
 */
class DeferredBeansCheckTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(BackonAutoConfiguration.class))
          .withPropertyValues(
              "backon.policies.thrice.max-tries=3", "backon.policies.thrice.wait=none");

  @Test
  void aLazyBeanIsCheckedWithoutBeingCreatedAndRetriesWhenItIs() {
    CountingClient.created.set(0);
    runner
        .withBean(
            CountingClient.class, CountingClient::new, definition -> definition.setLazyInit(true))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(CountingClient.created).as("created at startup").hasValue(0);

              CountingClient client = context.getBean(CountingClient.class);

              assertThat(client.call()).isEqualTo("ok #3");
              assertThat(CountingClient.created).hasValue(1);
            });
  }

  @Test
  void everyPrototypeInstanceRetries() {
    runner
        .withBean(
            CountingClient.class,
            CountingClient::new,
            definition -> definition.setScope("prototype"))
        .run(
            context -> {
              assertThat(context.getBean(CountingClient.class).call()).isEqualTo("ok #3");
              assertThat(context.getBean(CountingClient.class).call()).isEqualTo("ok #3");
            });
  }

  @Test
  void underGlobalLazyInitializationAMistakeStillFailsTheStartup() {
    runner
        .withInitializer(
            context ->
                context.addBeanFactoryPostProcessor(
                    new LazyInitializationBeanFactoryPostProcessor()))
        .withBean(BadlyAnnotatedBeans.UnknownPolicy.class)
        .run(
            context -> {
              BackonConfigurationException failure = backonFailureOf(context.getStartupFailure());
              assertThat(failure.code()).isEqualTo(ConfigErrorCode.UNKNOWN_POLICY);
              assertThat(failure.subject()).isEqualTo("@Backon(value) on UnknownPolicy.call()");
            });
  }

  @Test
  void aMistakeOnTheInterfaceOfALazyInterfaceBeanFailsTheStartup() {
    runner
        .withBean(
            Misnamed.class,
            () -> name -> "hello " + name,
            definition -> definition.setLazyInit(true))
        .run(
            context ->
                assertThat(backonFailureOf(context.getStartupFailure()).subject())
                    .isEqualTo("@Backon(value) on Misnamed.greet(String)"));
  }

  @Test
  void aLazyBeanCreatedAtStartupAsADependencyRetries() {
    CountingClient.created.set(0);
    runner
        .withBean(
            CountingClient.class, CountingClient::new, definition -> definition.setLazyInit(true))
        .withBean(Caller.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(CountingClient.created).hasValue(1);
              assertThat(context.getBean(Caller.class).client().call()).isEqualTo("ok #3");
            });
  }

  /** The Backon error in a failed startup's cause chain. */
  private static BackonConfigurationException backonFailureOf(@Nullable Throwable startupFailure) {
    for (Throwable t = startupFailure; t != null; t = t.getCause()) {
      if (t instanceof BackonConfigurationException backon) {
        return backon;
      }
    }
    throw new AssertionError("the startup did not fail with a Backon error", startupFailure);
  }

  /** Fails twice, then answers; counts how many instances were created. */
  static class CountingClient {
    static final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();

    CountingClient() {
      created.incrementAndGet();
    }

    @Backon("thrice")
    public String call() throws IOException {
      int call = calls.incrementAndGet();
      if (call < 3) {
        throw new IOException("down #" + call);
      }
      return "ok #" + call;
    }
  }

  /** A singleton that needs the lazy client at startup. */
  static class Caller {
    private final CountingClient client;

    Caller(CountingClient client) {
      this.client = client;
    }

    CountingClient client() {
      return client;
    }
  }

  /** An interface whose annotation names a policy that does not exist. */
  public interface Misnamed {
    @Backon("nope")
    String greet(String name);
  }
}
