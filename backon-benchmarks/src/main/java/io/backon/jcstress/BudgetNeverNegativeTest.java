package io.backon.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.backon.budget.RetryBudget;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * A {@link RetryBudget} holding a single token ({@code maxTokens(1)}) is charged by two failures at
 * the same time. The first takes the bucket to zero; the second must find it empty and leave it
 * there: the balance never goes negative, and no failure is lost (the bucket does not stay full).
 *
 * <p>Result: {@code tokens()} in thousandths of a token (the budget's internal unit).
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t BudgetNeverNegativeTest}
 */
@JCStressTest
@Description("Two concurrent onFailure() on a one-token budget leave exactly 0 tokens.")
@Outcome(id = "0", expect = ACCEPTABLE, desc = "Empty, not below.")
@Outcome(expect = FORBIDDEN, desc = "Negative balance, or a failure was lost.")
@State
public class BudgetNeverNegativeTest {

  private final RetryBudget budget = RetryBudget.builder().maxTokens(1).build();

  @Actor
  public void actor1() {
    budget.onFailure();
  }

  @Actor
  public void actor2() {
    budget.onFailure();
  }

  @Arbiter
  public void arbiter(I_Result r) {
    r.r1 = (int) Math.round(budget.tokens() * 1000.0);
  }
}
