package io.backon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The message of a give-up on a rejected value names the value's type, never the value: a value is
 * often a response body, and the message reaches the log of whoever logs the exception (Tomcat logs
 * an exception a controller lets through at ERROR, message and all). The value stays available.
 */
class RetriesExhaustedExceptionTest {

  @Test
  void theMessageNamesTheTypeOfTheLastValueNotTheValue() {
    String body = "busy: {\"card\":\"4111 1111\"} declined for alice@example.com";

    RetriesExhaustedException exhausted =
        new RetriesExhaustedException("Quotes.get", 3, GiveUpReason.MAX_TRIES, body);

    assertThat(exhausted)
        .hasMessage(
            "Gave up on Quotes.get after 3 attempts (max tries reached); last value of type String");
    assertThat(exhausted.lastValue()).isSameAs(body);
  }

  @Test
  void aNullValueIsNamedAsSuch() {
    assertThat(new RetriesExhaustedException("Quotes.get", 1, GiveUpReason.MAX_TIME, null))
        .hasMessage("Gave up on Quotes.get after 1 attempt (max time reached); last value null");
  }

  @Test
  void aValueOfAnAnonymousClassIsNamedByItsClassName() {
    Object anonymous = new Object() {};

    assertThat(
            new RetriesExhaustedException("Quotes.get", 2, GiveUpReason.MAX_TRIES, anonymous)
                .getMessage())
        .endsWith("; last value of type " + anonymous.getClass().getName());
  }
}
