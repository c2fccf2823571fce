package io.backon.sample.client;

import io.backon.sample.downstream.DownstreamEndpoint;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The blocking {@link DownstreamClient} on a JDK {@link HttpClient} (HTTP/1.1, keep-alive pool,
 * through Spring's {@link JdkClientHttpRequestFactory}). The JDK client is used on purpose: unlike
 * {@code HttpURLConnection}, it resends a request by itself only when a pooled connection fails
 * before the first response byte, which the downstream never causes (its resets come after it), so
 * the downstream's hit count per request id equals the attempts Backon made. (The asynchronous
 * scenarios use Spring Boot's {@code WebClient.Builder} as it comes, on Reactor Netty, which does
 * not resend a request once it was sent.)
 */
@Configuration(proxyBeanMethods = false)
class DownstreamClientConfiguration {

  /** Longest wait for a connection to the downstream; a Backon attempt timeout cuts it shorter. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /** Longest wait for an answer, a safety net: the policies' timeouts are much shorter. */
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

  private static final int THREADS = 8;
  private static final long IDLE_SECONDS = 2;

  /**
   * The JDK client's own threads (response handling, async completions): a bounded pool of daemon
   * threads that end after 2 s idle, so a burst of calls leaves no threads behind.
   */
  @Bean(destroyMethod = "shutdownNow")
  ExecutorService downstreamHttpExecutor() {
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory daemons =
        task -> {
          Thread thread = new Thread(task, "downstream-http-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            THREADS, THREADS, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemons);
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  @Bean
  HttpClient downstreamHttpClient(ExecutorService downstreamHttpExecutor) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(CONNECT_TIMEOUT)
        .executor(downstreamHttpExecutor)
        .build();
  }

  /**
   * The blocking client, built from Spring Boot's {@code RestClient.Builder}: Backon's HTTP layer
   * is already in it (from the starter, configured under {@code backon.http}); the app only adds
   * the request factory and its own {@link AttemptRecorder} after Backon's interceptor.
   */
  @Bean
  DownstreamClient downstreamClient(
      RestClient.Builder restClients,
      HttpClient downstreamHttpClient,
      DownstreamEndpoint endpoint) {
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(downstreamHttpClient);
    factory.setReadTimeout(READ_TIMEOUT);
    return new DownstreamClient(
        restClients.requestFactory(factory).requestInterceptor(new AttemptRecorder()).build(),
        endpoint);
  }
}
