package io.backon.spring.boot.autoconfigure.tracing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test of {@link BraveApp} on a random port, every trace sampled, with the policies of {@link
 * TracedAppTest}: {@code payments}, three attempts 20 ms apart, retrying {@code IOException};
 * {@code quotes}, one attempt hedged by a second copy after 50 ms. One context for every such test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = BraveApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.tracing.sampling.probability=1.0",
      "management.otlp.metrics.export.enabled=false",
      "management.endpoints.web.exposure.include=health,backon,prometheus",
      "backon.policies.payments.max-tries=3",
      "backon.policies.payments.wait=constant",
      "backon.policies.payments.delay=20ms",
      "backon.policies.payments.jitter=none",
      "backon.policies.payments.retry-on=java.io.IOException",
      "backon.max-hedges-includes-first=true",
      "backon.policies.quotes.max-tries=1",
      "backon.policies.quotes.hedging.max-hedges=2",
      "backon.policies.quotes.hedging.delay=50ms"
    })
@interface BraveAppTest {}
