package io.backon.sample.downstream;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** Which threads serve the connections of a {@link FlakyDownstream}. */
public enum WorkerThreads {
  /** Virtual threads when the JDK has them (21+, detected at run time), else {@link #PLATFORM}. */
  AUTO,
  /**
   * A bounded pool of daemon platform threads, one per open connection up to the connection limit;
   * idle threads end after 2 seconds.
   */
  PLATFORM;

  private static final long IDLE_SECONDS = 2;

  /**
   * A new executor for connection handlers.
   *
   * @param namePrefix thread names are this prefix plus a running number
   * @param maxThreads the bound of a platform pool (virtual threads are bounded by the caller)
   */
  ExecutorService newExecutor(String namePrefix, int maxThreads) {
    if (this == AUTO) {
      ExecutorService virtual = virtualThreadPerTask(namePrefix);
      if (virtual != null) {
        return virtual;
      }
    }
    AtomicLong counter = new AtomicLong();
    ThreadFactory daemons =
        task -> {
          Thread thread = new Thread(task, namePrefix + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            maxThreads,
            maxThreads,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemons);
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** Whether {@link #newExecutor} returns virtual threads on this JDK. */
  boolean virtual() {
    return this == AUTO && VirtualThreads.AVAILABLE;
  }

  /**
   * {@code Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(prefix, 1).factory())},
   * called reflectively so the code compiles for Java 17; {@code null} before JDK 21.
   */
  private static @Nullable ExecutorService virtualThreadPerTask(String namePrefix) {
    if (!VirtualThreads.AVAILABLE) {
      return null;
    }
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> builderType = Class.forName("java.lang.Thread$Builder");
      Class<?> ofVirtualType = Class.forName("java.lang.Thread$Builder$OfVirtual");
      Object builder =
          lookup
              .findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtualType))
              .invoke();
      builder =
          lookup
              .findVirtual(
                  ofVirtualType,
                  "name",
                  MethodType.methodType(ofVirtualType, String.class, long.class))
              .invoke(builder, namePrefix, 1L);
      ThreadFactory factory =
          (ThreadFactory)
              lookup
                  .findVirtual(builderType, "factory", MethodType.methodType(ThreadFactory.class))
                  .invoke(builder);
      return (ExecutorService)
          lookup
              .findStatic(
                  Executors.class,
                  "newThreadPerTaskExecutor",
                  MethodType.methodType(ExecutorService.class, ThreadFactory.class))
              .invoke(factory);
    } catch (Throwable e) {
      throw new IllegalStateException("virtual threads are available but could not be created", e);
    }
  }

  /** Holds the run-time check, done once. */
  private static final class VirtualThreads {
    static final boolean AVAILABLE = detect();

    /** True when {@code Thread.ofVirtual()} exists and works (not a disabled preview). */
    private static boolean detect() {
      try {
        Thread.class.getMethod("ofVirtual").invoke(null);
        return true;
      } catch (ReflectiveOperationException | RuntimeException notAvailable) {
        return false;
      }
    }
  }
}
