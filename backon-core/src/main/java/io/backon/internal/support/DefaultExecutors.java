package io.backon.internal.support;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Where blocking work moved off the caller's thread runs: a virtual thread per task when the JDK
 * has them (21+, detected at run time; the code stays {@code --release 17}), else a cached pool of
 * daemon threads that end after 5 s idle. Not API.
 */
public final class DefaultExecutors {

  private static final long IDLE_SECONDS = 5;
  private static final @Nullable ExecutorService VIRTUAL_THREADS = virtualThreadsIfAvailable();
  private static final ExecutorService BLOCKING =
      VIRTUAL_THREADS != null ? VIRTUAL_THREADS : daemonPool();

  private DefaultExecutors() {}

  /** The shared executor for blocking attempts. */
  public static ExecutorService blocking() {
    return BLOCKING;
  }

  /** Whether {@link #blocking()} runs tasks on virtual threads. */
  public static boolean usesVirtualThreads() {
    return VIRTUAL_THREADS != null;
  }

  /** {@code Executors.newVirtualThreadPerTaskExecutor()} on JDK 21+, else {@code null}. */
  private static @Nullable ExecutorService virtualThreadsIfAvailable() {
    try {
      MethodHandle factory =
          MethodHandles.publicLookup()
              .findStatic(
                  Executors.class,
                  "newVirtualThreadPerTaskExecutor",
                  MethodType.methodType(ExecutorService.class));
      return (ExecutorService) factory.invoke();
    } catch (Throwable notAvailable) {
      return null;
    }
  }

  private static ExecutorService daemonPool() {
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory daemon =
        task -> {
          Thread thread = new Thread(task, "backon-worker-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return new ThreadPoolExecutor(
        0, Integer.MAX_VALUE, IDLE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(), daemon);
  }
}
