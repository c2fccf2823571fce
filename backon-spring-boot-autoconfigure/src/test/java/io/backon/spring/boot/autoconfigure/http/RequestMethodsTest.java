package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import io.backon.testing.ManualSleeper;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Which requests may be sent again, for every client: idempotent methods always; POST and PATCH
 * only with an idempotency key by default, never or always when configured so.
 */
class RequestMethodsTest {

  private final LoopbackServer server = LoopbackServer.start();

  @AfterEach
  void stopServer() {
    server.close();
  }

  private void scriptEveryPathFailingOnce() {
    for (String path : new String[] {"/get", "/put", "/delete", "/post", "/keyed", "/patch"}) {
      server.script(path, Answer.of(503), Answer.of(200));
    }
  }

  @ParameterizedTest
  @EnumSource(ClientKind.class)
  void idempotentMethodsAreRetriedAndOthersOnlyWithAnIdempotencyKey(ClientKind kind) {
    scriptEveryPathFailingOnce();
    HttpContexts.runner(new ManualSleeper())
        .run(
            context -> {
              try (TestHttpClient client = kind.open(context)) {
                assertThat(client.send("GET", server.uri("/get"), Map.of()).status())
                    .isEqualTo(200);
                assertThat(client.send("PUT", server.uri("/put"), Map.of()).status())
                    .isEqualTo(200);
                assertThat(client.send("DELETE", server.uri("/delete"), Map.of()).status())
                    .isEqualTo(200);
                assertThat(client.send("POST", server.uri("/post"), Map.of()).status())
                    .isEqualTo(503);
                assertThat(client.send("PATCH", server.uri("/patch"), Map.of()).status())
                    .isEqualTo(503);
                assertThat(
                        client
                            .send(
                                "POST", server.uri("/keyed"), Map.of("Idempotency-Key", "order-7"))
                            .status())
                    .isEqualTo(200);

                assertThat(server.hits("/get")).isEqualTo(2);
                assertThat(server.hits("/put")).isEqualTo(2);
                assertThat(server.hits("/delete")).isEqualTo(2);
                assertThat(server.hits("/post")).isEqualTo(1);
                assertThat(server.hits("/patch")).isEqualTo(1);
                assertThat(server.hits("/keyed")).isEqualTo(2);
                assertThat(server.seen())
                    .filteredOn(seen -> seen.path().equals("/keyed"))
                    .allSatisfy(
                        seen ->
                            assertThat(seen.headers().get("Idempotency-key"))
                                .containsExactly("order-7"));
              }
            });
  }

  @ParameterizedTest
  @EnumSource(ClientKind.class)
  void nonIdempotentRequestsCanBeNeverOrAlwaysRetried(ClientKind kind) {
    scriptEveryPathFailingOnce();
    HttpContexts.runner(new ManualSleeper())
        .withPropertyValues(
            "backon.http.defaults.non-idempotent=never",
            "backon.http.clients.lenient.hosts=127.0.0.1:" + server.port(),
            "backon.http.clients.lenient.non-idempotent=always")
        .run(
            context -> {
              try (TestHttpClient client = kind.open(context)) {
                assertThat(client.send("POST", server.uri("/post"), Map.of()).status())
                    .isEqualTo(200);
                assertThat(server.hits("/post")).isEqualTo(2);
              }
            });
    HttpContexts.runner(new ManualSleeper())
        .withPropertyValues("backon.http.defaults.non-idempotent=never")
        .run(
            context -> {
              try (TestHttpClient client = kind.open(context)) {
                assertThat(
                        client
                            .send("POST", server.uri("/keyed"), Map.of("Idempotency-Key", "k"))
                            .status())
                    .isEqualTo(503);
                assertThat(server.hits("/keyed")).isEqualTo(1);
              }
            });
  }

  @ParameterizedTest
  @EnumSource(ClientKind.class)
  void theIdempotencyKeyHeaderIsConfigurable(ClientKind kind) {
    scriptEveryPathFailingOnce();
    HttpContexts.runner(new ManualSleeper())
        .withPropertyValues("backon.http.defaults.idempotency-key-header=X-Request-Id")
        .run(
            context -> {
              try (TestHttpClient client = kind.open(context)) {
                assertThat(
                        client
                            .send("POST", server.uri("/post"), Map.of("Idempotency-Key", "k"))
                            .status())
                    .isEqualTo(503);
                assertThat(
                        client
                            .send("POST", server.uri("/keyed"), Map.of("X-Request-Id", "r-1"))
                            .status())
                    .isEqualTo(200);
              }
            });
  }
}
