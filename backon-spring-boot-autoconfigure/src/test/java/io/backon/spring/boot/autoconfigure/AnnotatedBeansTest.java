package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.spring.boot.autoconfigure.beans.AsyncService;
import io.backon.spring.boot.autoconfigure.beans.ClassLevelService;
import io.backon.spring.boot.autoconfigure.beans.SyncService;
import io.backon.spring.boot.autoconfigure.beans.TransactionalService;
import io.backon.spring.boot.autoconfigure.test.BackonBeans;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import reactor.test.StepVerifier;

@SpringBootTest(classes = TestApplication.class)
class AnnotatedBeansTest {

  @Autowired SyncService sync;
  @Autowired ClassLevelService classLevel;
  @Autowired AsyncService async;
  @Autowired TransactionalService transactional;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aBlockingMethodIsRetriedUntilItSucceeds() throws IOException {
    sync.flaky().failFirst(2);
    sync.attemptNumbers().clear();

    assertThat(sync.call()).isEqualTo("ok#3");
    assertThat(sync.attemptNumbers()).containsExactly(1, 2, 3);
  }

  @Test
  void theCallerSeesTheLastFailureItselfWhenRetriesRunOut() {
    sync.flaky().failFirst(10);

    assertThatThrownBy(sync::call).isInstanceOf(IOException.class).hasMessage("boom#3");
    assertThat(sync.flaky().calls()).isEqualTo(3);
  }

  @Test
  void anInlineAttributeOverridesTheNamedPolicy() throws IOException {
    sync.flaky().failFirst(4);

    assertThat(sync.callWithFiveTries()).isEqualTo("ok#5");
    assertThat(BackonBeans.policyOf(sync, "callWithFiveTries").name()).isEqualTo("quick");
  }

  @Test
  void aMetaAnnotationCarriesThePolicyAndItsOverrides() throws IOException {
    sync.flaky().failFirst(3);

    assertThat(sync.metaAnnotated()).isEqualTo("ok#4");
  }

  @Test
  void theFallbackMethodReceivesTheArgumentsAndTheLastFailure() throws IOException {
    sync.flaky().failFirst(10);

    assertThat(sync.withFallback("order-7")).isEqualTo("fallback:order-7:boom#3");
  }

  @Test
  void aFallbackThatThrowsPassesOnItsExceptionWithTheLastFailureSuppressedOnce() {
    sync.flaky().failFirst(10);

    assertThatThrownBy(sync::withFailingFallback)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the fallback failed too")
        .satisfies(
            thrown ->
                assertThat(thrown.getSuppressed())
                    .singleElement()
                    .satisfies(
                        suppressed ->
                            assertThat(suppressed)
                                .isInstanceOf(IOException.class)
                                .hasMessage("boom#3")));
  }

  @Test
  void aSpelResultConditionAsksForAnotherAttempt() {
    sync.nullCalls().set(0);

    assertThat(sync.nullTwiceThenValue()).isEqualTo("value#3");
  }

  @Test
  void aPlaceholderPolicyNameAndAVoidMethodWork() throws IOException {
    sync.flaky().failFirst(1);

    sync.voidMethod();

    assertThat(sync.flaky().calls()).isEqualTo(2);
  }

  @Test
  void abortOnEndsTheCallAtOnce() {
    sync.abortCalls().set(0);

    assertThatThrownBy(sync::aborts).isInstanceOf(IllegalStateException.class);
    assertThat(sync.abortCalls()).hasValue(1);
  }

  @Test
  void methodsWithoutTheAnnotationAreNotRetried() {
    sync.flaky().failFirst(1);

    assertThatThrownBy(sync::notAnnotated).isInstanceOf(IOException.class);
    assertThat(sync.flaky().calls()).isEqualTo(1);
  }

  @Test
  void aClassLevelAnnotationCoversEveryPublicMethodAndAMethodLevelOneWins() throws IOException {
    classLevel.flaky().failFirst(2);
    assertThat(classLevel.first()).isEqualTo("ok#3");
    classLevel.flaky().failFirst(2);
    assertThat(classLevel.second()).isEqualTo("ok#3");
    classLevel.flaky().failFirst(2);
    assertThatThrownBy(classLevel::once).isInstanceOf(IOException.class);
    assertThat(classLevel.flaky().calls()).isEqualTo(1);
  }

  @Test
  void aFailedFutureIsRetried() {
    async.flaky().failFirst(2);

    assertThat(async.future().join()).isEqualTo("ok#3");
  }

  @Test
  void aMethodThrowingInsteadOfReturningAFailedStageIsRetriedToo() throws IOException {
    async.flaky().failFirst(2);

    assertThat(async.stageThrowingSynchronously().toCompletableFuture().join()).isEqualTo("ok#3");
  }

  @Test
  void aFutureFallbackReplacesTheFailure() {
    assertThat(async.futureWithFallback().join()).isEqualTo("fallback:always");
  }

  @Test
  void cancellingTheFutureOfAMethodWithAFallbackCancelsTheRunningAttempt() {
    CompletableFuture<String> call = async.pendingWithFallback();

    call.cancel(true);

    assertThat(async.pending()).isCancelled();
  }

  @Test
  void aFutureThatKeepsFailingCompletesWithTheLastFailure() {
    async.flaky().failFirst(10);

    assertThatThrownBy(() -> async.future().join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(IOException.class)
        .cause()
        .hasMessage("boom#3");
  }

  @Test
  void aMonoIsResubscribedPerAttempt() {
    async.flaky().failFirst(2);

    StepVerifier.create(async.mono())
        .expectNext("ok#3")
        .expectComplete()
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void aFluxIsResubscribedPerAttempt() {
    async.flaky().failFirst(1);

    assertThat(async.flux().collectList().block(Duration.ofSeconds(10)))
        .isEqualTo(List.of("ok#2", "tail"));
  }

  @Test
  void aMonoFallbackReplacesTheFailure() {
    StepVerifier.create(async.monoWithFallback())
        .expectNext("fallback:always")
        .expectComplete()
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void eachAttemptRunsInItsOwnTransaction() {
    jdbc.update("delete from orders");

    transactional.insertFailingOnce("book");

    assertThat(transactional.attempts()).isEqualTo(2);
    assertThat(jdbc.queryForObject("select count(*) from orders", Integer.class)).isEqualTo(1);
  }
}
