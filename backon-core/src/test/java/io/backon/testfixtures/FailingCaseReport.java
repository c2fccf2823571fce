package io.backon.testfixtures;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;

/**
 * Rethrows the failure of a {@link Property} case as an {@link AssertionFailedError} whose message
 * starts with the case (index and arguments) and the seed that generated it, so the failure can be
 * reproduced; expected and actual values, the cause and the stack trace are kept. Stateless.
 */
public final class FailingCaseReport implements TestExecutionExceptionHandler {

  /** Created by JUnit. */
  public FailingCaseReport() {}

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) {
    String message =
        String.format(
            "case %s of seed %d (-D%s=%d) fails: %s",
            context.getDisplayName(),
            SeededCases.seed(),
            SeededCases.SEED_PROPERTY,
            SeededCases.seed(),
            failure.getMessage());
    AssertionFailedError report;
    if (failure instanceof AssertionFailedError assertion
        && assertion.isExpectedDefined()
        && assertion.isActualDefined()) {
      Object expected = assertion.getExpected().getValue();
      Object actual = assertion.getActual().getValue();
      report = new AssertionFailedError(message, expected, actual, failure);
    } else {
      report = new AssertionFailedError(message, failure);
    }
    report.setStackTrace(failure.getStackTrace());
    throw report;
  }
}
