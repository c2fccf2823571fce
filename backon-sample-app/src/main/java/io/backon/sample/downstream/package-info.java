/**
 * A test double, not part of what the sample shows: the flaky service the scenarios call, on
 * 127.0.0.1, whose failures (error rates, 503/429 with {@code Retry-After}, latency and long tails,
 * outages, connection resets, "fail the first N hits per request id") are set at run time, and
 * which counts every hit per {@code X-Request-Id}. {@link
 * io.backon.sample.downstream.FlakyDownstream} is the JDK's {@code HttpServer} with one handler,
 * behind a small TCP relay whose only job is resetting connections; the Spring wiring starts it
 * with the app on {@code sample.downstream.port} (8081) and exposes {@code /downstream/**} on the
 * app to drive it.
 */
@NullMarked
package io.backon.sample.downstream;

import org.jspecify.annotations.NullMarked;
