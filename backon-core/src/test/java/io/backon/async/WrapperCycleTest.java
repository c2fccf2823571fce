package io.backon.async;

import static io.backon.testfixtures.Async.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.wait.Wait;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A stage failing with wrappers whose causes loop back onto each other (legal through {@code
 * initCause}) ends the call like any failure; unwrapping them must not spin forever.
 */
class WrapperCycleTest {

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a loop fails, not hangs
  void aFailureWhoseWrappersCauseEachOtherEndsTheCall() {
    ExecutionException looping = new ExecutionException("looping") {};
    CompletionException wrapper = new CompletionException(looping);
    looping.initCause(wrapper);
    RetryPolicy policy =
        RetryPolicy.builder()
            .wait(Wait.none())
            .maxTries(2)
            .backoffLogLevel(System.Logger.Level.OFF)
            .giveUpLogLevel(System.Logger.Level.OFF)
            .build();

    CompletableFuture<String> call =
        Retrying.of(policy).callAsync(() -> CompletableFuture.failedFuture(wrapper));

    assertThat(failureOf(call)).isSameAs(wrapper);
  }
}
