package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The first-attempt success path must allocate nothing (DESIGN: no event, no state, no Duration).
 * Counts bytes, not time, so it is deterministic; speed is measured by the JMH benchmarks.
 */
class SuccessPathAllocationTest {

  private static final Callable<String> TARGET = () -> "ok";
  private static final int CALLS = 20_000;

  @Test
  void aFirstAttemptSuccessAllocatesNothing() throws Exception {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);
    Retrying retrying = Retrying.of(RetryPolicy.builder().maxTries(3).build());
    long id = Thread.currentThread().getId();
    for (int i = 0; i < CALLS; i++) {
      retrying.call(TARGET);
    }

    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < CALLS; i++) {
      retrying.call(TARGET);
    }
    long allocated = threads.getThreadAllocatedBytes(id) - before;

    // Reading the counter itself may allocate a few bytes; one byte per call would be 20 kB.
    assertThat(allocated).as("bytes allocated by %d successful calls", CALLS).isLessThan(2_000);
  }
}
