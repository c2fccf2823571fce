package io.backon.sample.client;

import io.backon.sample.downstream.DownstreamEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

/**
 * Calls the downstream's {@code GET /data} without blocking, with the JDK client's {@code
 * sendAsync}. Failures are the same exception types the blocking {@link DownstreamClient} throws
 * ({@code HttpClientErrorException}/{@code HttpServerErrorException} subtypes for error statuses,
 * {@code ResourceAccessException} for I/O errors), so one policy and one {@code Retry-After} rule
 * fit both. Cancelling the returned future cancels the HTTP exchange. Thread-safe.
 */
public final class AsyncDownstreamClient {

  private final HttpClient http;
  private final DownstreamEndpoint endpoint;

  AsyncDownstreamClient(HttpClient http, DownstreamEndpoint endpoint) {
    this.http = Objects.requireNonNull(http, "http");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
  }

  /**
   * Starts one {@code GET /data?<query>} for {@code requestId}; records the attempt in {@code
   * trace} first.
   *
   * @param query the query string without {@code ?}, e.g. {@code scenario=async}
   * @return completes with the reply, or fails with a {@link RestClientException}
   */
  public CompletableFuture<DownstreamReply> fetch(String query, String requestId, CallTrace trace) {
    trace.recordAttempt();
    URI uri = endpoint.uri("/data?" + query);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header(DownstreamClient.REQUEST_ID, requestId)
            .timeout(DownstreamClientConfiguration.READ_TIMEOUT)
            .GET()
            .build();
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    CompletableFuture<DownstreamReply> reply = new CompletableFuture<>();
    exchange.whenComplete(
        (response, failure) -> {
          if (failure != null) {
            reply.completeExceptionally(ioFailure(uri, failure));
          } else if (response.statusCode() >= 400) {
            reply.completeExceptionally(statusFailure(response));
          } else {
            reply.complete(
                DownstreamReply.fromHeaders(
                    requestId, name -> response.headers().firstValue(name).orElse(null)));
          }
        });
    reply.whenComplete(
        (ignored, failure) -> {
          if (reply.isCancelled()) {
            exchange.cancel(true);
          }
        });
    return reply;
  }

  /** The exception {@code RestClient} throws for this status, with headers and body. */
  private static RestClientException statusFailure(HttpResponse<byte[]> response) {
    HttpStatusCode status = HttpStatusCode.valueOf(response.statusCode());
    HttpStatus known = HttpStatus.resolve(response.statusCode());
    String reason = known == null ? "" : known.getReasonPhrase();
    HttpHeaders headers = new HttpHeaders();
    response.headers().map().forEach(headers::addAll);
    String message =
        response.statusCode()
            + " "
            + reason
            + ": \""
            + new String(response.body(), StandardCharsets.UTF_8)
            + "\"";
    return status.is4xxClientError()
        ? HttpClientErrorException.create(
            message, status, reason, headers, response.body(), StandardCharsets.UTF_8)
        : HttpServerErrorException.create(
            message, status, reason, headers, response.body(), StandardCharsets.UTF_8);
  }

  /** Wraps an I/O error as {@code RestClient} does; passes anything else through unchanged. */
  private static Throwable ioFailure(URI uri, Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof IOException io) {
      return new ResourceAccessException(
          "I/O error on GET request for \"" + uri + "\": " + io.getMessage(), io);
    }
    return cause;
  }
}
