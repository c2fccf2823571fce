package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Backon;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * {@code @Backon} beside Spring's other method advice on the same method, as the README's
 * "Layering" rule says: Backon runs outside it. An {@code @Async} method is retried by calling it
 * again (each attempt is a task on the async executor, the caller's thread never blocks); a
 * {@code @Cacheable} method's cache answers before any attempt, and a failure is never cached.
 */
class OtherAdviceTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PropertyPlaceholderAutoConfiguration.class, BackonAutoConfiguration.class))
          .withPropertyValues("backon.defaults.wait=none", "backon.policies.three.max-tries=3");

  /** Fails twice, then answers; records the threads its calls ran on. */
  static class Flaky {
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> threads = new CopyOnWriteArrayList<>();

    public int calls() {
      return calls.get();
    }

    public List<String> threads() {
      return threads;
    }

    String next() throws IOException {
      threads.add(Thread.currentThread().getName());
      if (calls.incrementAndGet() <= 2) {
        throw new IOException("down#" + calls.get());
      }
      return "ok#" + calls.get();
    }
  }

  static class AsyncQuotes extends Flaky {
    @Async
    @Backon("three")
    public CompletableFuture<String> quote() {
      try {
        return CompletableFuture.completedFuture(next());
      } catch (IOException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAsync
  static class AsyncConfig {
    @Bean(destroyMethod = "shutdown")
    ExecutorService taskExecutor() {
      return Executors.newSingleThreadExecutor(task -> new Thread(task, "async-task"));
    }
  }

  @Test
  void anAsyncMethodIsRetriedAsOneTaskPerAttempt() {
    runner
        .withUserConfiguration(AsyncConfig.class)
        .withBean(AsyncQuotes.class)
        .run(
            context -> {
              AsyncQuotes quotes = context.getBean(AsyncQuotes.class);

              assertThat(quotes.quote().join()).isEqualTo("ok#3");
              assertThat(quotes.threads())
                  .containsExactly("async-task", "async-task", "async-task");
            });
  }

  @Test
  void anAsyncMethodThatKeepsFailingGivesUpWithItsLastFailure() {
    runner
        .withUserConfiguration(AsyncConfig.class)
        .withPropertyValues("backon.policies.three.max-tries=2")
        .withBean(AsyncQuotes.class)
        .run(
            context -> {
              AsyncQuotes quotes = context.getBean(AsyncQuotes.class);

              assertThatThrownBy(() -> quotes.quote().join())
                  .isInstanceOf(CompletionException.class)
                  .hasCauseInstanceOf(IOException.class)
                  .cause()
                  .hasMessage("down#2");
              assertThat(quotes.calls()).isEqualTo(2);
            });
  }

  static class CachedRates extends Flaky {
    @Cacheable("rates")
    @Backon("three")
    public String rate(String currency) throws IOException {
      return next();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableCaching
  static class CacheConfig {
    @Bean
    CacheManager cacheManager() {
      return new ConcurrentMapCacheManager("rates");
    }
  }

  @Test
  void aCachedAnswerNeedsNoAttemptAndAFailureIsNeverCached() {
    runner
        .withUserConfiguration(CacheConfig.class)
        .withBean(CachedRates.class)
        .run(
            context -> {
              CachedRates rates = context.getBean(CachedRates.class);

              assertThat(rates.rate("EUR")).isEqualTo("ok#3");
              assertThat(rates.rate("EUR")).as("from the cache").isEqualTo("ok#3");
              assertThat(rates.calls())
                  .as("two failures, one success, then the cache")
                  .isEqualTo(3);
            });
  }
}
