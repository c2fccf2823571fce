package io.backon.spring.boot.autoconfigure.http;

/**
 * Records each HTTP call made through Backon ({@code backon.http.calls}). Implementations must be
 * thread-safe and must not throw.
 */
interface HttpCallMeters {

  /** Records nothing: the HTTP layer without Micrometer. */
  HttpCallMeters NONE = (policy, host, outcome, nanos) -> {};

  /**
   * Records one call.
   *
   * @param policy the Backon policy the call ran under
   * @param host the downstream
   * @param outcome how the call ended for its caller
   * @param nanos how long it took, retries and waits included
   */
  void record(String policy, HostAddress host, HttpCallOutcome outcome, long nanos);
}
