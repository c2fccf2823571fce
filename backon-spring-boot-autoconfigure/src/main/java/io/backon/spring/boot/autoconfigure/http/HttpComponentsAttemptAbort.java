package io.backon.spring.boot.autoconfigure.http;

import java.io.IOException;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;

/**
 * Ends an Apache HttpClient 5 request when its Backon attempt ends, in the request factories Spring
 * Boot builds for {@code RestClient} and {@code RestTemplate}. Backon cuts a blocking attempt by
 * interrupting its thread (its attempt timeout, the deadline, a hedged copy that lost, an enclosing
 * attempt's timeout), but Apache's blocking socket reads ignore interrupts on platform threads:
 * without this, the attempt would wait for the server (or Apache's response timeout, 3 minutes by
 * default) and only then end. An exec-chain handler first in Apache's chain registers the request's
 * abort with {@link AbortOnInterrupt}, so the interrupt aborts it (closing its connection) until
 * the answer's head arrives; the body of an answer handed to the caller is never cut. A request
 * factory the application builds itself is left alone. Stateless.
 */
final class HttpComponentsAttemptAbort
    implements ClientHttpRequestFactoryBuilderCustomizer<
        HttpComponentsClientHttpRequestFactoryBuilder> {

  /** The name of the handler in Apache's exec chain. */
  static final String HANDLER_NAME = "backon-attempt-abort";

  @Override
  public HttpComponentsClientHttpRequestFactoryBuilder customize(
      HttpComponentsClientHttpRequestFactoryBuilder builder) {
    return builder.withHttpClientCustomizer(
        client -> client.addExecInterceptorFirst(HANDLER_NAME, new AbortWhenInterrupted()));
  }

  /** Lets an interrupt of the sending thread abort the request until its answer arrives. */
  static final class AbortWhenInterrupted implements ExecChainHandler {

    @Override
    public ClassicHttpResponse execute(
        ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
        throws IOException, HttpException {
      if (scope.originalRequest instanceof Cancellable cancellable) {
        AbortOnInterrupt.onInterrupt(cancellable::cancel);
      }
      return chain.proceed(request, scope);
    }
  }
}
