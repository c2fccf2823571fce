package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.client.MockClientHttpRequest;

/**
 * A request sent through {@link AbortOnInterrupt} is aborted by the hook its client registered when
 * the sending thread is interrupted, and the caller gets an {@link InterruptedIOException}; a hook
 * that throws is logged at DEBUG, not lost, and the caller still gets that exception.
 */
class AbortOnInterruptTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger("io.backon.http");
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final Level levelBefore = logger.getLevel();

  @BeforeEach
  void captureDebugLines() {
    logger.setLevel(Level.DEBUG);
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void restoreTheLogger() {
    logger.detachAppender(lines);
    logger.setLevel(levelBefore);
    Thread.interrupted();
  }

  @Test
  void anInterruptedSenderAbortsTheRequestItsClientStarted() {
    AtomicInteger aborts = new AtomicInteger();

    Throwable thrown =
        catchThrowable(
            () ->
                AbortOnInterrupt.execute(
                    (request, body) -> {
                      AbortOnInterrupt.onInterrupt(aborts::incrementAndGet);
                      Thread.currentThread().interrupt();
                      throw new IOException("socket closed");
                    },
                    new MockClientHttpRequest(HttpMethod.GET, "http://example.com/"),
                    new byte[0]));

    assertThat(aborts).hasValue(1);
    assertThat(thrown)
        .isInstanceOf(InterruptedIOException.class)
        .hasCauseInstanceOf(InterruptedException.class);
    assertThat(thrown.getSuppressed())
        .singleElement()
        .hasToString("java.io.IOException: socket closed");
    assertThat(Thread.currentThread().isInterrupted()).as("still interrupted").isTrue();
    assertThat(lines.list).isEmpty();
  }

  @Test
  void anAbortThatThrowsIsLoggedAtDebugAndTheCallerStillLearnsOfTheInterrupt() {
    IllegalStateException broken = new IllegalStateException("connection pool shut down");

    Throwable thrown =
        catchThrowable(
            () ->
                AbortOnInterrupt.execute(
                    (request, body) -> {
                      AbortOnInterrupt.onInterrupt(
                          () -> {
                            throw broken;
                          });
                      Thread.currentThread().interrupt();
                      throw new IOException("socket closed");
                    },
                    new MockClientHttpRequest(HttpMethod.GET, "http://example.com/"),
                    new byte[0]));

    assertThat(thrown).isInstanceOf(InterruptedIOException.class);
    assertThat(lines.list)
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.getLevel()).isEqualTo(Level.DEBUG);
              assertThat(line.getFormattedMessage())
                  .isEqualTo(
                      "Could not abort an interrupted HTTP request; its own timeouts end it");
              assertThat(line.getThrowableProxy().getMessage())
                  .isEqualTo("connection pool shut down");
            });
  }
}
