package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * The {@code outcome} tag of {@code backon.http.calls} for a failed blocking request: a request its
 * caller gave up on (interrupted or cancelled, as the JDK client reports it through Spring's {@code
 * JdkClientHttpRequest}) is {@code cancelled}, as a cancelled {@code WebClient} exchange is; a
 * failure of the connection stays an {@code io_error}.
 */
class HttpCallOutcomeTest {

  @Test
  void aRequestInterruptedByItsCallerIsCancelledNotAnIoError() {
    IOException interrupted =
        new IOException("Request was interrupted: null", new InterruptedException());

    assertThat(HttpCallOutcome.of(interrupted)).isEqualTo(HttpCallOutcome.CANCELLED);
  }

  @Test
  void aRequestWhoseExchangeWasCancelledIsCancelled() {
    IOException cancelled = new IOException("Request cancelled", new CancellationException());

    assertThat(HttpCallOutcome.of(cancelled)).isEqualTo(HttpCallOutcome.CANCELLED);
  }

  @Test
  void aResetConnectionIsStillAnIoError() {
    IOException reset =
        new IOException("parsing HTTP/1.1 header", new SocketException("Connection reset"));

    assertThat(HttpCallOutcome.of(reset)).isEqualTo(HttpCallOutcome.IO_ERROR);
    assertThat(HttpCallOutcome.of(new SocketException("Connection reset")))
        .isEqualTo(HttpCallOutcome.IO_ERROR);
  }

  @Test
  void theClientsOwnReadTimeoutIsStillAnIoError() {
    assertThat(HttpCallOutcome.of(new HttpTimeoutException("request timed out")))
        .isEqualTo(HttpCallOutcome.IO_ERROR);
  }

  @Test
  void aFailureWhoseCausesLoopIsClassifiedWithoutLoopingForever() {
    IOException first = new IOException("first");
    IOException second = new IOException("second", first);
    first.initCause(second);

    assertThat(HttpCallOutcome.of(first)).isEqualTo(HttpCallOutcome.IO_ERROR);
  }
}
