package io.backon.spring.boot.autoconfigure.http;

import java.io.InterruptedIOException;
import org.springframework.boot.http.client.JettyClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;

/**
 * Ends a Jetty client request when its Backon attempt ends, in the request factories Spring Boot
 * builds for {@code RestClient} and {@code RestTemplate}. Backon cuts a blocking attempt by
 * interrupting its thread; Spring's Jetty request then stops waiting, but the request itself goes
 * on, holding its connection until the server answers or Jetty's own timeouts end it. A listener of
 * the client's queued requests (called on the thread sending the request) registers the request's
 * abort with {@link AbortOnInterrupt}, so the interrupt aborts it (closing its connection) until
 * the answer's head arrives; the body of an answer handed to the caller is never cut. A request
 * factory the application builds itself is left alone. Stateless.
 */
final class JettyAttemptAbort
    implements ClientHttpRequestFactoryBuilderCustomizer<JettyClientHttpRequestFactoryBuilder> {

  @Override
  public JettyClientHttpRequestFactoryBuilder customize(
      JettyClientHttpRequestFactoryBuilder builder) {
    return builder.withHttpClientCustomizer(
        client ->
            client
                .getRequestListeners()
                .addQueuedListener(
                    request ->
                        AbortOnInterrupt.onInterrupt(
                            () ->
                                request.abort(
                                    new InterruptedIOException(
                                        "HTTP request aborted: its Backon attempt had ended")))));
  }
}
