package io.backon.spring.boot.autoconfigure.http;

import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.reactor.BackonReactor;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Backon for {@code WebClient}: each exchange runs under its client's HTTP rules (see {@link
 * HttpResilience}), retried by Backon's Reactor operator (waits on Reactor's parallel scheduler, no
 * thread blocked). A failed answer that may be retried is read into memory (at most {@value
 * BufferedClientHttpResponse#MAX_BODY_BYTES} bytes) and its connection released before the next
 * attempt; when the call gives up (also when its deadline ends it right after an answer, not while
 * a later attempt waits for one), the caller gets the server's last answer. An exchange subscribed
 * inside an attempt of an enclosing Backon call (a {@code @Backon} method returning {@code Mono},
 * or a blocking one calling {@code block()}) makes one attempt through its host's breaker.
 * Thread-safe.
 */
public final class BackonExchangeFilterFunction implements ExchangeFilterFunction {

  private final HttpResilience resilience;

  BackonExchangeFilterFunction(HttpResilience resilience) {
    this.resilience = resilience;
  }

  @Override
  public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
    return Mono.deferContextual(
        context -> {
          boolean inside =
              context.hasKey(BackonReactor.ATTEMPT_CONTEXT_KEY) || HttpResilience.insideAttempt();
          Object client = request.attribute(BackonHttp.CLIENT_ATTRIBUTE).orElse(null);
          HttpHeaders headers = request.headers();
          HttpCall call =
              resilience.plan(
                  request.method().name(),
                  request.url(),
                  client == null ? null : client.toString(),
                  headers::containsHeader,
                  inside);
          return exchange(call, request, next)
              .doOnSuccess(
                  response -> {
                    if (response != null) {
                      call.finished(HttpCallOutcome.of(response.statusCode().value()));
                    }
                  })
              .doOnError(failure -> call.finished(HttpCallOutcome.of(failure)))
              .doOnCancel(() -> call.finished(HttpCallOutcome.CANCELLED));
        });
  }

  private static Mono<ClientResponse> exchange(
      HttpCall call, ClientRequest request, ExchangeFunction next) {
    Retrying retrying = call.retrying();
    if (retrying == null) {
      return once(call, call.breaker(), request, next);
    }
    Mono<ClientResponse> attempt =
        Mono.defer(
                () -> {
                  call.attemptStarted();
                  return next.exchange(request);
                })
            .flatMap(response -> checked(call, response));
    return BackonReactor.<ClientResponse>retry(retrying.policy())
        .withInvocation(call.invocation())
        .mono(attempt)
        // a hedged copy's answer that lost the race is dropped: release its connection
        .doOnDiscard(ClientResponse.class, lost -> lost.releaseBody().subscribe())
        .onErrorResume(
            gaveUp ->
                HttpStatusException.lastAnswer(gaveUp, call.latestAnswer())
                        instanceof ClientResponse answer
                    ? Mono.just(answer)
                    : Mono.error(gaveUp));
  }

  /** A failed answer becomes an {@link HttpStatusException} carrying a buffered copy. */
  private static Mono<ClientResponse> checked(HttpCall call, ClientResponse response) {
    int status = response.statusCode().value();
    if (!call.failed(status)) {
      return Mono.just(response);
    }
    return response
        .bodyToMono(byte[].class)
        .onErrorResume(DataBufferLimitException.class, tooLarge -> Mono.just(new byte[0]))
        .defaultIfEmpty(new byte[0])
        .flatMap(
            body -> {
              ClientResponse answer =
                  ClientResponse.create(response.statusCode(), response.strategies())
                      .headers(copy -> copy.addAll(response.headers().asHttpHeaders()))
                      .request(response.request())
                      .body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)))
                      .build();
              String reason =
                  response.statusCode() instanceof org.springframework.http.HttpStatus known
                      ? known.getReasonPhrase()
                      : "";
              return Mono.error(
                  call.answered(
                      call.statusFailure(
                          status,
                          reason,
                          response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                          answer)));
            });
  }

  /** One exchange, only through the breaker (if any); the answer goes to the caller unread. */
  private static Mono<ClientResponse> once(
      HttpCall call,
      @Nullable CircuitBreaker breaker,
      ClientRequest request,
      ExchangeFunction next) {
    if (breaker == null) {
      return next.exchange(request);
    }
    return Mono.defer(
        () -> {
          if (!breaker.tryAcquirePermission()) {
            return Mono.error(breaker.rejection());
          }
          long start = HttpCall.breakerNow(breaker);
          boolean[] reported = new boolean[1];
          return next.exchange(request)
              .doOnNext(
                  response -> {
                    reported[0] = true;
                    int status = response.statusCode().value();
                    if (call.failed(status)) {
                      breaker.onError(
                          HttpCall.breakerSince(breaker, start),
                          call.statusFailure(status, "", null, null));
                    } else {
                      breaker.onSuccess(HttpCall.breakerSince(breaker, start));
                    }
                  })
              .doOnError(
                  failure -> {
                    reported[0] = true;
                    breaker.onError(HttpCall.breakerSince(breaker, start), failure);
                  })
              .doFinally(
                  signal -> {
                    if (!reported[0] && signal != SignalType.ON_ERROR) {
                      breaker.releasePermission();
                    }
                  });
        });
  }
}
