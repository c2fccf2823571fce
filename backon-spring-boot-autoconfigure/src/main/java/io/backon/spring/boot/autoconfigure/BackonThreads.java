package io.backon.spring.boot.autoconfigure;

import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.hedge.HedgingPolicy;
import io.backon.time.Scheduler;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.CompositeTaskDecorator;

/**
 * The threads Backon runs work on off the caller's thread in a Spring Boot application: async
 * attempts after a back-off, {@code supplyAsync} attempts and blocking hedged copies.
 *
 * <ul>
 *   <li><b>Virtual threads</b> on JDK 21+ by default (Backon's default, whatever Boot's); an
 *       explicit {@value #VIRTUAL_THREADS_PROPERTY}{@code =false} runs them on a cached pool of
 *       platform daemon threads instead, shut down with the context.
 *   <li><b>The context's {@link TaskDecorator}s</b> (one bean, or several composed in order, as
 *       Boot does for its own executors) decorate every such task, and the timer tasks that start
 *       them after a wait or hedge delay, so a decorator that carries MDC or a security context
 *       from the submitting thread reaches every attempt and hedged copy of the call.
 * </ul>
 *
 * <p>Applied to every policy Backon assembles and to {@code RetryPolicy} beans that kept the core's
 * default executor or scheduler (a bean's own executor or scheduler is left alone). With no
 * decorator and virtual threads allowed, policies are left untouched. Thread-safe.
 */
final class BackonThreads implements AutoCloseable {

  /** Boot's switch for virtual threads; Backon only honours an explicit {@code false}. */
  static final String VIRTUAL_THREADS_PROPERTY = "spring.threads.virtual.enabled";

  private static final Executor CORE_EXECUTOR = RetryPolicy.defaults().executor();
  private static final Executor CORE_HEDGING_EXECUTOR = HedgingPolicy.defaults().executor();

  private final @Nullable ExecutorService platformPool;
  private final @Nullable Executor executor;
  private final @Nullable Scheduler decoratedTimer;

  private BackonThreads(
      @Nullable ExecutorService platformPool,
      @Nullable Executor executor,
      @Nullable TaskDecorator decorator) {
    this.platformPool = platformPool;
    this.executor = executor;
    Scheduler shared = Scheduler.shared();
    this.decoratedTimer =
        decorator == null
            ? null
            : (task, delayNanos) -> shared.schedule(decorator.decorate(task), delayNanos);
  }

  /**
   * Threads that change no policy: the core's defaults (for code that assembles without a context).
   */
  static BackonThreads coreDefaults() {
    return new BackonThreads(null, null, null);
  }

  /**
   * @param environment read for {@value #VIRTUAL_THREADS_PROPERTY}
   * @param decorators the context's task decorators, in order; empty for none
   */
  static BackonThreads of(Environment environment, List<TaskDecorator> decorators) {
    Boolean virtualSetting = environment.getProperty(VIRTUAL_THREADS_PROPERTY, Boolean.class);
    // The core runs virtual threads on JDK 21+ and platform threads below.
    boolean platformWanted =
        Boolean.FALSE.equals(virtualSetting) && Runtime.version().feature() >= 21;
    ExecutorService pool = platformWanted ? platformPool() : null;
    TaskDecorator decorator =
        decorators.isEmpty()
            ? null
            : decorators.size() == 1 ? decorators.get(0) : new CompositeTaskDecorator(decorators);
    Executor base = pool != null ? pool : CORE_EXECUTOR;
    Executor executor = decorator != null ? task -> base.execute(decorator.decorate(task)) : pool;
    return new BackonThreads(pool, executor, decorator);
  }

  /** The policy running on these threads: itself when it has its own executor and scheduler. */
  RetryPolicy adopt(RetryPolicy policy) {
    if (executor == null) {
      return policy;
    }
    RetryPolicyBuilder builder = null;
    if (policy.executor() == CORE_EXECUTOR) {
      builder = policy.toBuilder().executor(executor);
    }
    Scheduler scheduler = decorated(policy.scheduler());
    if (scheduler != policy.scheduler()) {
      builder = (builder != null ? builder : policy.toBuilder()).scheduler(scheduler);
    }
    HedgingPolicy hedging = policy.hedging();
    HedgingPolicy adopted = hedging != null ? adopt(hedging) : null;
    if (adopted != hedging && adopted != null) {
      builder = (builder != null ? builder : policy.toBuilder()).hedging(adopted);
    }
    return builder != null ? builder.build() : policy;
  }

  private HedgingPolicy adopt(HedgingPolicy hedging) {
    Executor own = executor;
    Executor chosen =
        own != null && hedging.executor() == CORE_HEDGING_EXECUTOR ? own : hedging.executor();
    Scheduler scheduler = decorated(hedging.scheduler());
    if (chosen == hedging.executor() && scheduler == hedging.scheduler()) {
      return hedging;
    }
    return hedging.toBuilder().executor(chosen).scheduler(scheduler).build();
  }

  /**
   * The shared timer with each task decorated, so the context reaches the attempt or copy it
   * starts; any other scheduler (the application's own) unchanged.
   */
  private Scheduler decorated(Scheduler scheduler) {
    Scheduler timer = decoratedTimer;
    return timer != null && scheduler == Scheduler.shared() ? timer : scheduler;
  }

  /** Whether Backon runs its own platform pool (virtual threads turned off on JDK 21+). */
  boolean ownsPlatformPool() {
    return platformPool != null;
  }

  /** Shuts the platform pool down, if there is one; attempts already running finish. */
  @Override
  public void close() {
    if (platformPool != null) {
      platformPool.shutdown();
    }
  }

  private static ExecutorService platformPool() {
    AtomicInteger counter = new AtomicInteger();
    return new ThreadPoolExecutor(
        0,
        Integer.MAX_VALUE,
        60,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        task -> {
          Thread thread = new Thread(task, "backon-worker-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
