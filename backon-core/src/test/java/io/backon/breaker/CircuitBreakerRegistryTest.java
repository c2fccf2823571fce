package io.backon.breaker;

import static io.backon.breaker.Calls.fail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Named breakers sharing defaults. */
class CircuitBreakerRegistryTest {

  @Test
  void createsABreakerOnFirstUseAndReturnsItAfterwards() {
    CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();

    CircuitBreaker payments = registry.breaker("payments");

    assertThat(payments.name()).isEqualTo("payments");
    assertThat(registry.breaker("payments")).isSameAs(payments);
    assertThat(registry.breaker("orders")).isNotSameAs(payments);
  }

  @Test
  void breakersUseTheDefaultConfig() {
    CircuitBreakerConfig defaults =
        CircuitBreaker.builder("template").failureThreshold(2).buildConfig();
    CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(defaults);

    CircuitBreaker breaker = registry.breaker("payments");
    fail(breaker, 2);

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    assertThat(registry.defaults()).hasToString(defaults.toString());
  }

  @Test
  void breakersFromABuilderShareItsSettingsAndListeners() {
    List<String> opened = new CopyOnWriteArrayList<>();
    CircuitBreakerBuilder defaults =
        CircuitBreaker.builder("template")
            .failureThreshold(1)
            .onStateChange(t -> opened.add(t.breakerName()));
    CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(defaults);
    defaults.failureThreshold(100); // later changes do not apply

    fail(registry.breaker("payments"), 1);
    fail(registry.breaker("orders"), 1);

    assertThat(opened).containsExactly("payments", "orders");
  }

  @Test
  void aCustomizerChangesOnlyTheBreakerItCreates() {
    CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    AtomicInteger runs = new AtomicInteger();

    CircuitBreaker custom =
        registry.breaker(
            "payments",
            b -> {
              runs.incrementAndGet();
              b.failureThreshold(1);
            });
    CircuitBreaker again = registry.breaker("payments", b -> runs.incrementAndGet());

    assertThat(again).isSameAs(custom);
    assertThat(runs).hasValue(1);
    assertThat(custom.config().failureThreshold()).isEqualTo(1);
    assertThat(registry.breaker("orders").config().failureThreshold()).isEqualTo(5);
  }

  @Test
  void aFailingCustomizerRegistersNothing() {
    CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();

    assertThatThrownBy(() -> registry.breaker("payments", b -> b.minimumCalls(3)))
        .isInstanceOf(IllegalStateException.class);

    assertThat(registry.find("payments")).isEmpty();
  }

  @Test
  void findReturnsOnlyCreatedBreakers() {
    CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    CircuitBreaker payments = registry.breaker("payments");

    assertThat(registry.find("payments")).containsSame(payments);
    assertThat(registry.find("orders")).isEmpty();
  }

  @Test
  void allIsAnUnmodifiableSnapshot() {
    CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    registry.breaker("payments");
    registry.breaker("orders");

    var all = registry.all();
    registry.breaker("stock");

    assertThat(all)
        .extracting(CircuitBreaker::name)
        .containsExactlyInAnyOrder("payments", "orders");
    assertThatThrownBy(() -> all.clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void registersABreakerBuiltElsewhereUnderItsOwnName() {
    CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    CircuitBreaker stock = CircuitBreaker.builder("stock").failureThreshold(1).build();

    assertThat(registry.register(stock)).isSameAs(stock);
    assertThat(registry.register(stock)).as("the same instance again").isSameAs(stock);
    assertThat(registry.breaker("stock")).isSameAs(stock);
  }

  @Test
  void rejectsASecondBreakerWithATakenName() {
    CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    CircuitBreaker stock = registry.breaker("stock");

    assertThatThrownBy(() -> registry.register(CircuitBreaker.ofDefaults("stock")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a circuit breaker named 'stock' is already registered");
    assertThat(registry.breaker("stock")).isSameAs(stock);
  }

  @Test
  void namesItsBreakersInToString() {
    CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    registry.breaker("payments");

    assertThat(registry).hasToString("CircuitBreakerRegistry[payments]");
  }

  @Test
  void rejectsBlankNamesAndInvalidDefaults() {
    CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();

    assertThatThrownBy(() -> registry.breaker("")).hasMessage("name must not be blank");
    assertThatThrownBy(
            () ->
                CircuitBreakerRegistry.of(
                    CircuitBreaker.builder("template").slowCallDuration(Duration.ofSeconds(1))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void racingFirstUsesCreateExactlyOneBreaker() throws Exception {
    CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    AtomicInteger created = new AtomicInteger();
    Set<CircuitBreaker> seen = ConcurrentHashMap.newKeySet();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      threads.add(
          new Thread(
              () -> {
                await(start);
                for (int i = 0; i < 1_000; i++) {
                  seen.add(
                      registry.breaker("payments-" + (i % 10), b -> created.incrementAndGet()));
                }
              }));
    }

    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          threads.forEach(Thread::start);
          start.countDown();
          for (Thread thread : threads) {
            thread.join();
          }
        });

    assertThat(created).hasValue(10);
    assertThat(seen).hasSize(10);
    assertThat(registry.all()).hasSize(10);
  }

  static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
