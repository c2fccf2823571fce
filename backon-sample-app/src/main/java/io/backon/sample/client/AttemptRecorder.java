package io.backon.sample.client;

import java.io.IOException;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Records each request that leaves the client in the {@link CallTrace} its request carries (the
 * attribute {@link #TRACE_ATTRIBUTE}), with the number of the Backon attempt it belongs to. It sits
 * after Backon's interceptor, so it sees every attempt, whichever layer retries. Stateless.
 */
final class AttemptRecorder implements ClientHttpRequestInterceptor {

  /** The request attribute holding the call's {@link CallTrace}. */
  static final String TRACE_ATTRIBUTE = "io.backon.sample.trace";

  @Override
  public ClientHttpResponse intercept(
      HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
    if (request.getAttributes().get(TRACE_ATTRIBUTE) instanceof CallTrace trace) {
      trace.recordAttempt();
    }
    return execution.execute(request, body);
  }
}
