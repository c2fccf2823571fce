package io.backon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.wait.Wait;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A thread keeps one spare call state for its next blocking call; between calls it refers to
 * nothing of the last call, so a pooled thread (Tomcat's, a test runner's) does not keep a closed
 * application's policies, listeners and beans reachable.
 */
class SpareCallStateTest {

  @Test
  void aPooledThreadsSpareStateDoesNotKeepTheLastPolicyReachable() throws Exception {
    ExecutorService pooled = Executors.newSingleThreadExecutor();
    try {
      WeakReference<RetryPolicy> lastPolicy = pooled.submit(SpareCallStateTest::retriedCall).get();

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                System.gc();
                return lastPolicy.get() == null;
              });
      assertThat(pooled.submit(() -> "still pooled").get()).isEqualTo("still pooled");
    } finally {
      pooled.shutdownNow();
    }
  }

  /** A blocking call that fails once, so that its state is made and then kept as the spare. */
  private static WeakReference<RetryPolicy> retriedCall() throws Exception {
    RetryPolicy policy =
        RetryPolicy.builder().name("closed-app").wait(Wait.none()).onBackoff(event -> {}).build();
    AtomicInteger calls = new AtomicInteger();
    String value =
        Retrying.of(policy)
            .call(
                () -> {
                  if (calls.incrementAndGet() == 1) {
                    throw new IOException("once");
                  }
                  return "ok";
                });
    assertThat(value).isEqualTo("ok");
    return new WeakReference<>(policy);
  }
}
