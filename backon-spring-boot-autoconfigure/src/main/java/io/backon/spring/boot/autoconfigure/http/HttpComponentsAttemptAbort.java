package io.backon.spring.boot.autoconfigure.http;

import io.backon.time.Cancellable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;

/**
 * Ends an Apache HttpClient 5 request when its Backon attempt ends, in the request factories Spring
 * Boot builds for {@code RestClient} and {@code RestTemplate}. Backon cuts a timed-out blocking
 * attempt by interrupting its thread, but Apache's blocking socket reads ignore interrupts on
 * platform threads: without this, an attempt timeout or a deadline would wait for the server (or
 * the socket timeout) and only then discard the answer. An exec-chain handler first in Apache's
 * chain aborts the request (closing its connection) when the limit {@link HttpAttemptLimit} names
 * passes before the answer's head arrives; the attempt then ends as Backon's timeout says. The body
 * of an answer handed to the caller is never cut. A request factory the application builds itself
 * is left alone. Stateless.
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
        client -> client.addExecInterceptorFirst(HANDLER_NAME, new AbortAtTheLimit()));
  }

  /** Aborts the request when the current attempt's limit passes before its answer. */
  static final class AbortAtTheLimit implements ExecChainHandler {

    private static final int RUNNING = 0;
    private static final int ANSWERED = 1;
    private static final int ABORTED = 2;

    @Override
    public ClassicHttpResponse execute(
        ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
        throws IOException, HttpException {
      HttpAttemptLimit limit = HttpAttemptLimit.current();
      if (limit == null
          || !(scope.originalRequest
              instanceof org.apache.hc.core5.concurrent.Cancellable cancellable)) {
        return chain.proceed(request, scope);
      }
      AtomicInteger state = new AtomicInteger(RUNNING);
      Cancellable timer =
          limit
              .scheduler()
              .schedule(
                  () -> {
                    if (state.compareAndSet(RUNNING, ABORTED)) {
                      cancellable.cancel();
                    }
                  },
                  limit.remainingNanos());
      ClassicHttpResponse response;
      try {
        response = chain.proceed(request, scope);
      } finally {
        timer.cancel();
      }
      if (!state.compareAndSet(RUNNING, ANSWERED)) {
        // aborted just as the answer arrived: its connection is closed, so it cannot be read
        response.close();
        throw new InterruptedIOException("request aborted: its Backon attempt had ended");
      }
      return response;
    }
  }
}
