package io.backon.reactor;

import static io.backon.reactor.ReactorPolicies.noWait;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.backon.CapturedLog;
import io.backon.Invocation;
import io.backon.RetryPolicy;
import java.lang.management.ManagementFactory;
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
  void operatorsMadePerCallShareThePoliciesDerivedFromTheirPolicy() {
    RetryPolicy policy = noWait().name("quotes").build();
    Invocation call = Invocation.of("Quotes.get");
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    long thread = Thread.currentThread().getId();
    for (int i = 0; i < 1_000; i++) {
      BackonReactor.retry(policy).withInvocation(call);
    }

    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 1_000; i++) {
      BackonReactor.retry(policy).withInvocation(call);
    }
    long perCall = (threads.getThreadAllocatedBytes(thread) - before) / 1_000;

    assertThat(perCall)
        .as("bytes per operator and its named copy (a policy build is KBs)")
        .isLessThan(256);
    StepVerifier.create(
            new Flaky()
                .failing(1, "ok")
                .transform(BackonReactor.<String>retry(policy).withInvocation(call)))
        .expectNext("ok")
        .verifyComplete();
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
