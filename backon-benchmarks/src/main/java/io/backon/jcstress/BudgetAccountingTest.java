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
 * A full {@link RetryBudget} ({@code maxTokens(10)}, {@code tokenRatio(1.0)}) sees one failure and
 * one success at the same time. Success first: it is capped at 10, then the failure leaves 9.
 * Failure first: 9, then the success earns it back to 10. Both are legal linearizations; anything
 * else (a balance above the cap, two tokens lost, a fraction) means an update was torn or lost.
 *
 * <p>Result: {@code tokens()} in thousandths of a token (the budget's internal unit), so 9000 or
 * 10000.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t BudgetAccountingTest}
 */
@JCStressTest
@Description("A full budget after a concurrent onFailure() and onSuccess() holds 9 or 10 tokens.")
@Outcome(id = "9000", expect = ACCEPTABLE, desc = "Success first (capped), then the failure.")
@Outcome(id = "10000", expect = ACCEPTABLE, desc = "Failure first, then the success refilled it.")
@Outcome(expect = FORBIDDEN, desc = "Above the cap, or an update lost or torn.")
@State
public class BudgetAccountingTest {

  private final RetryBudget budget = RetryBudget.builder().maxTokens(10).tokenRatio(1.0).build();

  @Actor
  public void actor1() {
    budget.onFailure();
  }

  @Actor
  public void actor2() {
    budget.onSuccess();
  }

  @Arbiter
  public void arbiter(I_Result r) {
    r.r1 = (int) Math.round(budget.tokens() * 1000.0);
  }
}
