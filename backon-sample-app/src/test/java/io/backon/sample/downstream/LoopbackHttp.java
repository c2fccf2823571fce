package io.backon.sample.downstream;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Real HTTP calls to a {@link FlakyDownstream} over loopback, with the JDK's client. */
final class LoopbackHttp {

  /** One shared client (HTTP/1.1, keep-alive pool), as an application would have. */
  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private LoopbackHttp() {}

  /** {@code GET path} with an {@code X-Request-Id} unless {@code requestId} is null. */
  static HttpResponse<String> get(
      FlakyDownstream downstream, String path, @Nullable String requestId)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(downstream, path)).timeout(Duration.ofSeconds(10));
    if (requestId != null) {
      request.header("X-Request-Id", requestId);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** {@code GET path} without a request id. */
  static HttpResponse<String> get(FlakyDownstream downstream, String path)
      throws IOException, InterruptedException {
    return get(downstream, path, null);
  }

  /** {@code method path} with a JSON body (empty for none). */
  static HttpResponse<String> send(
      FlakyDownstream downstream, String method, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri(downstream, path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .method(
                method,
                json.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(FlakyDownstream downstream, String path) {
    return URI.create(downstream.baseUri() + path);
  }
}
