package io.backon.spring.boot.autoconfigure.http;

import io.backon.DeadlineExceededException;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import java.io.IOException;
import java.lang.reflect.UndeclaredThrowableException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Backon for {@code RestClient} and {@code RestTemplate}: each request runs under its client's HTTP
 * rules (see {@link HttpResilience}). A failed answer that may be retried is read into memory and
 * its connection released before the next attempt; when the call gives up (also when its deadline
 * ends it right after an answer, not while a later attempt waits for one), the caller gets the
 * server's last answer, so the client's own status handling applies. I/O failures reach the caller
 * as the client reports them. Thread-safe.
 */
public final class BackonClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

  private final HttpResilience resilience;

  BackonClientHttpRequestInterceptor(HttpResilience resilience) {
    this.resilience = resilience;
  }

  @Override
  public ClientHttpResponse intercept(
      HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
    Object client = request.getAttributes().get(BackonHttp.CLIENT_ATTRIBUTE);
    HttpHeaders headers = request.getHeaders();
    HttpCall call =
        resilience.plan(
            request.getMethod().name(),
            request.getURI(),
            client == null ? null : client.toString(),
            headers::containsHeader,
            HttpResilience.insideAttempt());
    try {
      ClientHttpResponse response = execute(call, request, body, execution);
      call.finished(HttpCallOutcome.of(response.getStatusCode().value()));
      return response;
    } catch (IOException | RuntimeException | Error failure) {
      call.finished(HttpCallOutcome.of(failure));
      throw failure;
    }
  }

  private static ClientHttpResponse execute(
      HttpCall call, HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
      throws IOException {
    Retrying retrying = call.retrying();
    if (retrying == null) {
      return once(call, call.breaker(), request, body, execution);
    }
    if (retrying.policy().hedging() != null) {
      return hedged(call, retrying, request, body, execution);
    }
    try {
      return retrying.call(call.invocation(), () -> attempt(call, request, body, execution));
    } catch (HttpStatusException | DeadlineExceededException gaveUp) {
      if (HttpStatusException.lastAnswer(gaveUp, call.latestAnswer())
          instanceof ClientHttpResponse response) {
        return response;
      }
      throw gaveUp;
    } catch (IOException | RuntimeException unchanged) {
      throw unchanged;
    } catch (Exception checked) {
      throw new UndeclaredThrowableException(checked);
    }
  }

  /** Like {@link #execute}, closing the answers of the copies that lost the race. */
  private static ClientHttpResponse hedged(
      HttpCall call,
      Retrying retrying,
      HttpRequest request,
      byte[] body,
      ClientHttpRequestExecution execution)
      throws IOException {
    HedgedAnswers answers = new HedgedAnswers();
    ClientHttpResponse winner = null;
    try {
      winner =
          retrying.call(
              call.invocation(), () -> answers.add(attempt(call, request, body, execution)));
      return winner;
    } catch (HttpStatusException | DeadlineExceededException gaveUp) {
      if (HttpStatusException.lastAnswer(gaveUp, call.latestAnswer())
          instanceof ClientHttpResponse response) {
        return response;
      }
      throw gaveUp;
    } catch (IOException | RuntimeException unchanged) {
      throw unchanged;
    } catch (Exception checked) {
      throw new UndeclaredThrowableException(checked);
    } finally {
      answers.end(winner);
    }
  }

  /**
   * One attempt under the policy: a failed answer becomes an {@link HttpStatusException}. When the
   * attempt is cut (its thread interrupted), its request is aborted ({@link AbortOnInterrupt}).
   */
  private static ClientHttpResponse attempt(
      HttpCall call, HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
      throws IOException {
    call.attemptStarted();
    ClientHttpResponse response = AbortOnInterrupt.execute(execution, request, body);
    int status = response.getStatusCode().value();
    if (!call.failed(status)) {
      return response;
    }
    BufferedClientHttpResponse answer = BufferedClientHttpResponse.copyAndClose(response);
    throw call.answered(
        call.statusFailure(
            status,
            answer.getStatusText(),
            answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
            answer));
  }

  /**
   * One attempt, only through the breaker (if any); the answer goes to the caller unread. An
   * enclosing attempt cut while it waits aborts its request ({@link AbortOnInterrupt}); the breaker
   * then records nothing, as for a {@code WebClient} exchange cancelled, or a hedged copy that
   * lost.
   */
  private static ClientHttpResponse once(
      HttpCall call,
      @Nullable CircuitBreaker breaker,
      HttpRequest request,
      byte[] body,
      ClientHttpRequestExecution execution)
      throws IOException {
    if (breaker == null) {
      return AbortOnInterrupt.execute(execution, request, body);
    }
    breaker.acquirePermission();
    long start = HttpCall.breakerNow(breaker);
    ClientHttpResponse response;
    try {
      response = AbortOnInterrupt.execute(execution, request, body);
    } catch (IOException | RuntimeException failure) {
      if (HttpCallOutcome.of(failure) == HttpCallOutcome.CANCELLED) {
        breaker.releasePermission(); // cut by its caller, not failed: as a cancelled exchange
      } else {
        breaker.onError(HttpCall.breakerSince(breaker, start), failure);
      }
      throw failure;
    } catch (Error fatal) {
      breaker.releasePermission();
      throw fatal;
    }
    int status = response.getStatusCode().value();
    if (call.failed(status)) {
      breaker.onError(
          HttpCall.breakerSince(breaker, start), call.statusFailure(status, "", null, null));
    } else {
      breaker.onSuccess(HttpCall.breakerSince(breaker, start));
    }
    return response;
  }
}
