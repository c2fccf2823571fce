package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A bad {@code backon.http.*} value in the field application stops its startup with Backon's
 * report: the stable code and the property at fault, as for every other {@code backon.*} key. That
 * includes values that would bind but never act as meant: a host pattern no request's host can
 * match, a retried status that is no error (a 200 would count every success against the breaker).
 */
@ExtendWith(OutputCaptureExtension.class)
class HttpStartupErrorsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "backon.http.defaults.non-idempotent=sometimes | BACKON-CFG-001 | backon.http.defaults.non-idempotent",
        "backon.http.clients.pay.non-idempotent=sometimes | BACKON-CFG-001 | backon.http.clients.pay.non-idempotent",
        "backon.http.defaults.retry-after-cap=soon | BACKON-CFG-006 | backon.http.defaults.retry-after-cap",
        "backon.http.defaults.retry-after-cap=-1s | BACKON-CFG-006 | backon.http.defaults.retry-after-cap",
        "backon.http.defaults.retry-statuses=503,abc | BACKON-CFG-001 | backon.http.defaults.retry-statuses",
        "backon.http.clients.pay.retry-statuses=700 | BACKON-CFG-007 | backon.http.clients.pay.retry-statuses",
        "backon.http.defaults.polcy=http | BACKON-CFG-002 | backon.http.defaults.polcy",
        "backon.http.clients.pay.polcy=http | BACKON-CFG-002 | backon.http.clients.pay.polcy",
        "backon.http.clients.pay.policy=nope | BACKON-CFG-003 | backon.http.clients.pay.policy",
        "backon.http.max-hosts=lots | BACKON-CFG-001 | backon.http.max-hosts",
        "backon.http.max-hosts=0 | BACKON-CFG-007 | backon.http.max-hosts",
        "backon.http.defaults.host-circuit-breaker=maybe | BACKON-CFG-001 | backon.http.defaults.host-circuit-breaker",
        "backon.http.host-circuit-breaker-template=nope | BACKON-CFG-010 | backon.http.host-circuit-breaker-template",
        "backon.http.clients.pay.hosts=pay.example.com:https | BACKON-CFG-001 | backon.http.clients.pay.hosts[0]",
        "backon.http.clients.pay.hosts=pay.example.com,api example.com | BACKON-CFG-001 | backon.http.clients.pay.hosts[1]",
        "backon.http.clients.pay.hosts=.example.com | BACKON-CFG-001 | backon.http.clients.pay.hosts[0]",
        "backon.http.clients.pay.hosts=user@pay.example.com | BACKON-CFG-001 | backon.http.clients.pay.hosts[0]",
        "backon.http.clients.pay.hosts=pay.example.com?live=1 | BACKON-CFG-001 | backon.http.clients.pay.hosts[0]",
        "backon.http.defaults.retry-statuses=503,200 | BACKON-CFG-007 | backon.http.defaults.retry-statuses",
        "backon.http.clients.pay.retry-statuses=302 | BACKON-CFG-007 | backon.http.clients.pay.retry-statuses",
        "backon.http.clients.pay.retry-after-cap=-5s | BACKON-CFG-006 | backon.http.clients.pay.retry-after-cap",
        "backon.http.enabled=sure | BACKON-CFG-001 | backon.http.enabled",
      })
  void aBadHttpValueStopsTheStartupNamingTheProperty(
      String property, String code, String where, CapturedOutput output) {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(FieldApp.class)
                    .web(WebApplicationType.NONE)
                    .properties(FieldApp.CONFIG)
                    .run("--" + property)
                    .close())
        .isNotNull();

    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("Backon configuration error " + code + ".")
        .containsPattern("Where: +" + java.util.regex.Pattern.quote(where) + "(\\s| =)");
  }
}
