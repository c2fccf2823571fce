package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.backon.AttemptTimeoutException;
import io.backon.Backon;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * A {@code @Backon} method around an HTTP interface call, as Spring Boot 4.1 applications write
 * them, in the field configuration (Apache HttpClient 5 under the group's {@code RestClient},
 * Boot's default when it is on the class path): the method's attempt timeout cuts a request the
 * downstream never answers and closes its connection, instead of waiting for Apache's 3-minute
 * response timeout; the HTTP layer, inside the method's attempt, makes one request per attempt. The
 * downstream really hangs (the only real time here); the bounds are generous.
 */
@SpringBootTest(
    classes = {FieldApp.class, BackonAroundAnHttpInterfaceInTheFieldTest.Inventory.class},
    properties = FieldApp.CONFIG,
    webEnvironment = SpringBootTest.WebEnvironment.NONE)
class BackonAroundAnHttpInterfaceInTheFieldTest {

  private static final HangingServer DOWNSTREAM = HangingServer.start();

  @DynamicPropertySource
  static void inventoryBaseUrl(DynamicPropertyRegistry properties) {
    properties.add(
        "spring.http.serviceclient.inventory.base-url", () -> DOWNSTREAM.uri("").toString());
    // a safety net, as in production: without the fix, each attempt would wait this long
    properties.add("spring.http.serviceclient.inventory.read-timeout", () -> "20s");
  }

  @AfterAll
  static void stopDownstream() throws Exception {
    DOWNSTREAM.close();
  }

  interface InventoryApi {
    @GetExchange("/stock")
    String stock();
  }

  /** The user's service: a resilient method around the HTTP interface client. */
  static class Shop {

    private final InventoryApi inventory;

    Shop(InventoryApi inventory) {
      this.inventory = inventory;
    }

    @Backon(maxTries = 2, attemptTimeout = "300ms")
    public String stock() {
      return inventory.stock();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ImportHttpServices(group = "inventory", types = InventoryApi.class)
  static class Inventory {

    @Bean
    Shop shop(InventoryApi inventory) {
      return new Shop(inventory);
    }
  }

  @Autowired Shop shop;

  @Test
  void theMethodsAttemptTimeoutCutsTheHungRequestAndClosesItsConnection() {
    long start = System.nanoTime();
    assertThatThrownBy(shop::stock).isInstanceOf(AttemptTimeoutException.class);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              assertThat(DOWNSTREAM.requests()).isEqualTo(2);
              assertThat(DOWNSTREAM.hanging()).isZero();
            });
  }
}
