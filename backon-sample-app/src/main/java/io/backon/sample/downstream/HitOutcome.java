package io.backon.sample.downstream;

/**
 * What the {@link FlakyDownstream} did with one {@code /data} hit; sent back in the {@code
 * X-Downstream-Outcome} header (except for {@link #RESET}, which sends nothing).
 */
public enum HitOutcome {
  /** Answered {@code 200 OK}. */
  OK("ok"),
  /** Answered 503 because of the outage switch. */
  OUTAGE("outage"),
  /** Answered the failure status because the hit was one of the first {@code failFirst}. */
  FAIL_FIRST("fail-first"),
  /** Answered the failure status because the hit fell into the failure rate. */
  FAILURE_RATE("failure-rate"),
  /** Reset the connection (TCP RST) without answering. */
  RESET("reset");

  private final String headerValue;

  HitOutcome(String headerValue) {
    this.headerValue = headerValue;
  }

  /** The value of the {@code X-Downstream-Outcome} header, e.g. {@code fail-first}. */
  public String headerValue() {
    return headerValue;
  }
}
