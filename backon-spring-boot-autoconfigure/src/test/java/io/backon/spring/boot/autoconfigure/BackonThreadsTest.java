package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Backon;
import io.backon.RetryPolicy;
import io.backon.wait.Wait;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.TaskDecorator;

/**
 * In a Boot application Backon runs attempts and hedged copies on virtual threads (JDK 21+) unless
 * {@code spring.threads.virtual.enabled=false}, and the context's {@link TaskDecorator} applies to
 * every thread an attempt or a hedged copy runs on: here, one that carries the MDC of the calling
 * thread, as Boot users write to keep a request id in their logs.
 */
class BackonThreadsTest {

  private static final long SECONDS = 10;

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(BackonAutoConfiguration.class))
          .withPropertyValues(
              "backon.policies.twice.max-tries=2",
              "backon.policies.twice.wait=constant",
              "backon.policies.twice.delay=20ms",
              "backon.policies.twice.jitter=none",
              "backon.policies.hedged.max-tries=1",
              "backon.policies.hedged.hedging.max-hedges=2",
              "backon.max-hedges-includes-first=true",
              "backon.policies.hedged.hedging.delay=5ms");

  @AfterEach
  void clearMdc() {
    MDC.clear();
  }

  @Test
  void theDecoratorCarriesTheCallersMdcIntoEverySupplyAsyncAttempt() {
    runner
        .withBean(TaskDecorator.class, BackonThreadsTest::copyingMdc)
        .run(
            context -> {
              List<String> seen = new CopyOnWriteArrayList<>();
              AtomicInteger attempts = new AtomicInteger();
              Thread caller = Thread.currentThread();
              MDC.put("request", "r-7");

              String result =
                  context
                      .getBean(RetryPolicyRegistry.class)
                      .retrying("twice")
                      .supplyAsync(
                          () -> {
                            seen.add(
                                MDC.get("request")
                                    + " on "
                                    + (Thread.currentThread() == caller
                                        ? "the caller"
                                        : "a worker"));
                            if (attempts.incrementAndGet() == 1) {
                              throw new IOException("down");
                            }
                            return "ok";
                          })
                      .get(SECONDS, TimeUnit.SECONDS);

              assertThat(result).isEqualTo("ok");
              assertThat(seen)
                  .as("attempt 2 starts after a wait, from Backon's timer")
                  .containsExactly("r-7 on a worker", "r-7 on a worker");
            });
  }

  @Test
  void theDecoratorCarriesTheCallersMdcIntoTheRetriedAttemptsOfAFutureMethod() {
    runner
        .withBean(TaskDecorator.class, BackonThreadsTest::copyingMdc)
        .withBean(ReportClient.class)
        .run(
            context -> {
              ReportClient client = context.getBean(ReportClient.class);
              MDC.put("request", "r-8");

              assertThat(client.report().get(SECONDS, TimeUnit.SECONDS)).isEqualTo("report");

              assertThat(client.seen())
                  .as("attempt 2 starts after a wait, from Backon's timer")
                  .containsExactly("r-8", "r-8");
            });
  }

  @Test
  void theDecoratorCarriesTheCallersMdcIntoAHedgedCopy() {
    runner
        .withBean(TaskDecorator.class, BackonThreadsTest::copyingMdc)
        .run(
            context -> {
              Map<Integer, String> seen = new ConcurrentHashMap<>();
              AtomicInteger copies = new AtomicInteger();
              MDC.put("request", "r-9");

              String winner =
                  context
                      .getBean(RetryPolicyRegistry.class)
                      .retrying("hedged")
                      .call(
                          () -> {
                            int copy = copies.incrementAndGet();
                            seen.put(copy, String.valueOf(MDC.get("request")));
                            if (copy == 1) {
                              // the primary is slow: the hedge starts after 5 ms, wins, and the
                              // primary is interrupted
                              new CountDownLatch(1).await(SECONDS, TimeUnit.SECONDS);
                              return "primary";
                            }
                            return "hedge";
                          });

              assertThat(winner).isEqualTo("hedge");
              assertThat(seen).containsEntry(1, "r-9").containsEntry(2, "r-9");
            });
  }

  @Test
  void aRetryPolicyBeanWithTheDefaultExecutorRunsOnTheDecoratedThreadsToo() {
    RetryPolicy bean = RetryPolicy.builder().maxTries(2).wait(Wait.none()).build();
    runner
        .withBean(TaskDecorator.class, BackonThreadsTest::copyingMdc)
        .withBean("custom", RetryPolicy.class, () -> bean)
        .run(
            context -> {
              MDC.put("request", "r-10");

              String seen =
                  context
                      .getBean(RetryPolicyRegistry.class)
                      .retrying("custom")
                      .supplyAsync(() -> MDC.get("request"))
                      .get(SECONDS, TimeUnit.SECONDS);

              assertThat(seen).isEqualTo("r-10");
            });
  }

  @Test
  void aRetryPolicyBeanKeepsAnExecutorOfItsOwn() {
    RetryPolicy bean = RetryPolicy.builder().executor(Runnable::run).build();
    runner
        .withBean(TaskDecorator.class, BackonThreadsTest::copyingMdc)
        .withBean("custom", RetryPolicy.class, () -> bean)
        .run(
            context -> {
              MDC.put("request", "r-11");

              String thread =
                  context
                      .getBean(RetryPolicyRegistry.class)
                      .retrying("custom")
                      .supplyAsync(() -> Thread.currentThread().getName())
                      .get(SECONDS, TimeUnit.SECONDS);

              assertThat(thread).isEqualTo(Thread.currentThread().getName());
            });
  }

  @Test
  void everyTaskDecoratorBeanApplies() {
    List<String> applied = new CopyOnWriteArrayList<>();
    TaskDecorator first =
        task ->
            () -> {
              applied.add("first");
              task.run();
            };
    TaskDecorator second =
        task ->
            () -> {
              applied.add("second");
              task.run();
            };
    runner
        .withBean("first", TaskDecorator.class, () -> first)
        .withBean("second", TaskDecorator.class, () -> second)
        .run(
            context -> {
              context
                  .getBean(RetryPolicyRegistry.class)
                  .retrying("twice")
                  .supplyAsync(() -> "ok")
                  .get(SECONDS, TimeUnit.SECONDS);

              assertThat(applied).containsExactlyInAnyOrder("first", "second");
            });
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "virtual threads need JDK 21+")
  void attemptsRunOnVirtualThreadsByDefault() {
    runner.run(
        context ->
            assertThat(isVirtual(workerOf(context.getBean(RetryPolicyRegistry.class)))).isTrue());
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "virtual threads need JDK 21+")
  void attemptsAndHedgedCopiesRunOnVirtualThreadsWithADecoratorToo() {
    runner
        .withBean(TaskDecorator.class, BackonThreadsTest::copyingMdc)
        .run(
            context -> {
              RetryPolicyRegistry registry = context.getBean(RetryPolicyRegistry.class);
              assertThat(isVirtual(workerOf(registry))).isTrue();
              assertThat(isVirtual(registry.retrying("hedged").call(Thread::currentThread)))
                  .isTrue();
            });
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "virtual threads need JDK 21+")
  void anExplicitlyDisabledVirtualThreadsSettingRunsAttemptsAndHedgedCopiesOnPlatformThreads() {
    runner
        .withPropertyValues("spring.threads.virtual.enabled=false")
        .run(
            context -> {
              RetryPolicyRegistry registry = context.getBean(RetryPolicyRegistry.class);
              Thread worker = workerOf(registry);
              assertThat(isVirtual(worker)).isFalse();
              assertThat(worker.isDaemon()).isTrue();
              assertThat(worker.getName()).startsWith("backon-worker-");
              assertThat(isVirtual(registry.retrying("hedged").call(Thread::currentThread)))
                  .isFalse();
            });
  }

  @Test
  void virtualThreadsEnabledExplicitlyChangeNoPolicy() {
    runner
        .withPropertyValues("spring.threads.virtual.enabled=true")
        .run(
            context ->
                assertThat(context.getBean(RetryPolicyRegistry.class).policy("twice").executor())
                    .isSameAs(RetryPolicy.defaults().executor()));
  }

  private static Thread workerOf(RetryPolicyRegistry registry) throws Exception {
    return registry
        .retrying("twice")
        .supplyAsync(Thread::currentThread)
        .get(SECONDS, TimeUnit.SECONDS);
  }

  /** {@code Thread.isVirtual()}, which {@code --release 17} cannot name. */
  private static boolean isVirtual(Thread thread) throws Exception {
    return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
  }

  /** The decorator Boot users write for MDC: the submitting thread's context, restored after. */
  private static TaskDecorator copyingMdc() {
    return task -> {
      Map<String, String> context = MDC.getCopyOfContextMap();
      return () -> {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        if (context != null) {
          MDC.setContextMap(context);
        } else {
          MDC.clear();
        }
        try {
          task.run();
        } finally {
          if (previous != null) {
            MDC.setContextMap(previous);
          } else {
            MDC.clear();
          }
        }
      };
    };
  }

  /** Its future fails once; records the MDC each attempt sees. */
  static class ReportClient {
    private final List<String> seen = new CopyOnWriteArrayList<>();

    List<String> seen() {
      return seen;
    }

    @Backon("twice")
    public CompletableFuture<String> report() {
      seen.add(String.valueOf(MDC.get("request")));
      return seen.size() == 1
          ? CompletableFuture.failedFuture(new IOException("down"))
          : CompletableFuture.completedFuture("report");
    }
  }
}
