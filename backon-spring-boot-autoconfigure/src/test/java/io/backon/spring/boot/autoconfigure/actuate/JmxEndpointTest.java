package io.backon.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The endpoint over JMX: the same structured bodies as over HTTP, read-only by default
 * (src/test/resources/application.yml sets backon.defaults.wait=none).
 */
@SpringBootTest(
    classes = JmxEndpointTest.App.class,
    properties = {
      "spring.jmx.enabled=true",
      "spring.jmx.default-domain=backon.jmx.test",
      "management.endpoints.jmx.exposure.include=backon",
      "backon.policies.payments.max-tries=5",
      "backon.policies.payments.circuit-breaker=payments-api",
      "backon.circuit-breakers.payments-api.failure-threshold=2"
    })
class JmxEndpointTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @Autowired MBeanServer mbeans;

  @Test
  void theReportReadFromTheMBeanHasTheStructuredSettings() throws Exception {
    Map<String, Object> report =
        map(mbeans.invoke(backon(), "report", new Object[0], new String[0]));

    Map<String, Object> payments = map(map(report.get("policies")).get("payments"));
    assertThat(payments.get("maxTries")).isEqualTo(5);
    assertThat(map(payments.get("waitStrategy"))).containsEntry("kind", "none");
    assertThat(map(map(payments.get("sources")).get("waitStrategy")))
        .containsEntry("origin", "defaults")
        .containsEntry("properties", java.util.List.of("backon.defaults.wait"));
    assertThat(map(map(payments.get("sources")).get("maxTries"))).containsEntry("origin", "policy");
    Map<String, Object> breaker = map(map(report.get("circuitBreakers")).get("payments-api"));
    assertThat(breaker).containsEntry("state", "CLOSED").containsEntry("failureRate", null);
  }

  @Test
  void anEntryAndAnUnknownNameAnswerOverJmxToo() throws Exception {
    String[] signature = {String.class.getName(), String.class.getName()};

    Map<String, Object> breaker =
        map(
            mbeans.invoke(
                backon(), "entry", new Object[] {"circuit-breakers", "payments-api"}, signature));
    Map<String, Object> unknown =
        map(mbeans.invoke(backon(), "entry", new Object[] {"policies", "nope"}, signature));

    assertThat(breaker).containsEntry("state", "CLOSED");
    assertThat(unknown.get("message")).asString().startsWith("no retry policy named 'nope'");
  }

  @Test
  void theRecentEventsAnswerOverJmxToo() throws Exception {
    String[] signature = {
      String.class.getName(), String.class.getName(), String.class.getName(), Long.class.getName()
    };

    Map<String, Object> events =
        map(
            mbeans.invoke(
                backon(), "events", new Object[] {"events", "payments", "retry", null}, signature));

    assertThat(events)
        .containsEntry("capacity", 100)
        .containsKey("latest")
        .containsEntry("events", java.util.List.of());
  }

  @Test
  void theWriteOperationIsNotExposedByDefault() throws Exception {
    Set<String> operations =
        Set.copyOf(
            Arrays.stream(mbeans.getMBeanInfo(backon()).getOperations())
                .map(MBeanOperationInfo::getName)
                .toList());

    assertThat(operations).contains("report", "entry").doesNotContain("transition");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object json) {
    return (Map<String, Object>) json;
  }

  private ObjectName backon() throws Exception {
    Set<ObjectName> names =
        mbeans.queryNames(new ObjectName("backon.jmx.test:type=Endpoint,name=Backon,*"), null);
    assertThat(names).as("the backon endpoint MBean").hasSize(1);
    return names.iterator().next();
  }
}
