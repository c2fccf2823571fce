package io.backon.spring.boot.autoconfigure;

import io.backon.Describable;
import io.backon.Description;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * A SpEL condition on a returned value ({@code retry-if: "#result == null"}): true asks for another
 * attempt. Evaluated in a read-only context (property access and instance methods on the value; no
 * type references, no bean access), so configuration cannot run arbitrary code. Immutable and
 * thread-safe.
 */
final class ResultCondition implements Predicate<@Nullable Object>, Describable {

  private static final SpelExpressionParser PARSER = new SpelExpressionParser();

  private final String source;
  private final Expression expression;

  private ResultCondition(String source, Expression expression) {
    this.source = source;
    this.expression = expression;
  }

  /** Parses {@code text}; a syntax error is a configuration error naming {@code subject}. */
  static ResultCondition parse(String subject, String text) {
    try {
      return new ResultCondition(text, PARSER.parseExpression(text));
    } catch (ParseException e) {
      throw new BackonConfigurationException(
          ConfigErrorCode.INVALID_EXPRESSION,
          subject,
          "the SpEL expression \"" + text + "\" does not parse (" + e.getSimpleMessage() + ").",
          "write a boolean SpEL expression over #result, e.g. \"#result == null\".",
          e);
    }
  }

  @Override
  public boolean test(@Nullable Object result) {
    EvaluationContext context =
        SimpleEvaluationContext.forReadOnlyDataBinding().withInstanceMethods().build();
    context.setVariable("result", result);
    Boolean retry = expression.getValue(context, Boolean.class);
    if (retry == null) {
      throw new IllegalStateException(
          "retry-if \"" + source + "\" evaluated to null, not a boolean");
    }
    return retry;
  }

  /** Kind {@code expression} with the SpEL text, for {@code /actuator/backon}. */
  @Override
  public Description describe() {
    return Description.of("expression").with("expression", source);
  }

  @Override
  public String toString() {
    return "retryIf(" + source + ")";
  }
}
