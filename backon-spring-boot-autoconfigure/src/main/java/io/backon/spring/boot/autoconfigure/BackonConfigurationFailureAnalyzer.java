package io.backon.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports a {@link BackonConfigurationException} anywhere in a failed startup's cause chain as a
 * short "what, where, how to fix" block with its stable code, instead of a bean-creation stack.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class BackonConfigurationFailureAnalyzer
    extends AbstractFailureAnalyzer<BackonConfigurationException> {

  /** Registered through {@code META-INF/spring.factories}. */
  public BackonConfigurationFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, BackonConfigurationException cause) {
    String description =
        "Backon configuration error "
            + cause.code().code()
            + ".\n\n"
            + "    Where:   "
            + cause.subject()
            + "\n"
            + "    Problem: "
            + cause.problem();
    return new FailureAnalysis(
        description,
        "Fix: " + cause.fix() + " (Error codes are listed in the Backon README.)",
        cause);
  }
}
