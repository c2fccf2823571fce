package io.backon.sample.downstream;

/**
 * A request the {@link FlakyDownstream} cannot parse or accept; answered with {@link #status()} and
 * the connection closed.
 */
final class BadRequestException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;

  /**
   * @param status the HTTP status to answer, e.g. 400, 413 or 431
   * @param message what is wrong, sent back as the error text
   */
  BadRequestException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status to answer with. */
  int status() {
    return status;
  }
}
