package io.backon.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.backon.CheckedRunnable;
import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.budget.RetryBudget;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The first-attempt success path must allocate nothing, whichever sync face is used. */
class SuccessPathAllocationReviewTest {

  private static final int CALLS = 20_000;
  private static final int WARM_UP = 300_000;

  private static long allocated(Callable<?> body) throws Exception {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);
    long id = Thread.currentThread().getId();
    for (int i = 0; i < WARM_UP; i++) {
      body.call();
    }
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < CALLS; i++) {
      body.call();
    }
    return threads.getThreadAllocatedBytes(id) - before;
  }

  @Test
  void getAllocatesNothingOnAFirstAttemptSuccess() throws Exception {
    Retrying retrying = Retrying.of(RetryPolicy.builder().maxTries(3).build());
    Supplier<String> target = () -> "ok";
    assertThat(allocated(() -> retrying.get(target))).isLessThan(2_000);
  }

  @Test
  void runAllocatesNothingOnAFirstAttemptSuccess() throws Exception {
    Retrying retrying = Retrying.of(RetryPolicy.builder().maxTries(3).build());
    CheckedRunnable target = () -> { };
    assertThat(allocated(() -> {
      retrying.run(target);
      return null;
    })).isLessThan(2_000);
  }

  @Test
  void aBudgetedPolicyAllocatesNothingOnAFirstAttemptSuccess() throws Exception {
    Retrying retrying = Retrying.of(RetryPolicy.builder().maxTries(3)
        .retryBudget(RetryBudget.ofDefaults("review")).build());
    Callable<String> target = () -> "ok";
    assertThat(allocated(() -> retrying.call(target))).isLessThan(2_000);
  }
}
