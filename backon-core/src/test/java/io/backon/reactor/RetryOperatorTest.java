package io.backon.reactor;

import static io.backon.reactor.ReactorPolicies.noWait;
import static org.assertj.core.api.Assertions.assertThat;

import io.backon.CapturedLog;
import io.backon.RetryPolicy;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class RetryOperatorTest {

  @Test
  void describesItsPolicyAndTheSchedulerItsWaitsRunOn() {
    RetryPolicy policy = noWait().name("quotes").build();
    Scheduler single = Schedulers.newSingle("quotes-waits");
    try {
      assertThat(BackonReactor.retry(policy))
          .hasToString("RetryOperator{" + policy + ", SchedulerClock{Schedulers.parallel()}}");
      assertThat(BackonReactor.retry(policy, single))
          .hasToString("RetryOperator{" + policy + ", SchedulerClock{" + single + "}}");
    } finally {
      single.dispose();
    }
  }

  @Test
  void aFluxRetriedByAPolicyWithoutHedgingLogsNoWarning() {
    RetryOperator<Integer> operator = BackonReactor.retry(noWait().name("plain").build());
    try (CapturedLog log = CapturedLog.attach()) {
      StepVerifier.create(Flux.just(1, 2).transform(operator)).expectNext(1, 2).verifyComplete();

      assertThat(log.lines()).filteredOn(line -> line.level().equals("WARNING")).isEmpty();
    }
  }
}
