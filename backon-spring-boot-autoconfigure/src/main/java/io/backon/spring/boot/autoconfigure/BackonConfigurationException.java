package io.backon.spring.boot.autoconfigure;

import io.backon.BackonException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Backon misconfiguration found at startup: a bad property, annotation or fallback. Carries a
 * stable {@linkplain ConfigErrorCode code}, the property or method at fault and how to fix it;
 * {@link BackonConfigurationFailureAnalyzer} turns it into Spring Boot's failure report.
 */
public final class BackonConfigurationException extends BackonException {

  private static final long serialVersionUID = 1L;

  private final ConfigErrorCode code;
  private final String subject;
  private final String problem;
  private final String fix;

  /**
   * @param code the stable error code
   * @param subject the property ({@code backon.policies.payments.max-tries}) or annotated method at
   *     fault
   * @param problem what is wrong, with the offending value
   * @param fix what to change
   * @param cause the underlying exception, if any
   */
  public BackonConfigurationException(
      ConfigErrorCode code, String subject, String problem, String fix, @Nullable Throwable cause) {
    super("[" + code.code() + "] " + subject + ": " + problem + " Fix: " + fix, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.subject = Objects.requireNonNull(subject, "subject");
    this.problem = Objects.requireNonNull(problem, "problem");
    this.fix = Objects.requireNonNull(fix, "fix");
  }

  /** Like the five-argument constructor, without a cause. */
  public BackonConfigurationException(
      ConfigErrorCode code, String subject, String problem, String fix) {
    this(code, subject, problem, fix, null);
  }

  /** The stable error code. */
  public ConfigErrorCode code() {
    return code;
  }

  /** The property or annotated method at fault. */
  public String subject() {
    return subject;
  }

  /** What is wrong. */
  public String problem() {
    return problem;
  }

  /** What to change. */
  public String fix() {
    return fix;
  }
}
