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
 * Like {@link BudgetAccountingTest}, but from a half-full bucket, where neither bound applies: a
 * {@code maxTokens(10)}, {@code tokenRatio(1.0)} budget drained to 5 tokens is updated by two
 * threads at the same time, each making one failure and one success (in opposite orders), so the
 * balance stays between 3 and 7, clear of both bounds. Every interleaving ends at 5 tokens; 4, 6 or
 * anything else means one read-modify-write overwrote another (a lost update), which the
 * full-bucket test cannot reveal because the cap hides it.
 *
 * <p>Result: {@code tokens()} in thousandths of a token.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t BudgetNoLostUpdateTest}
 */
@JCStressTest
@Description("Concurrent onFailure()/onSuccess() on a half-full budget lose no update.")
@Outcome(id = "5000", expect = ACCEPTABLE, desc = "Every update applied.")
@Outcome(expect = FORBIDDEN, desc = "An update was lost or torn.")
@State
public class BudgetNoLostUpdateTest {

  private final RetryBudget budget = RetryBudget.builder().maxTokens(10).tokenRatio(1.0).build();

  public BudgetNoLostUpdateTest() {
    for (int i = 0; i < 5; i++) {
      budget.onFailure();
    }
  }

  @Actor
  public void actor1() {
    budget.onFailure();
    budget.onSuccess();
  }

  @Actor
  public void actor2() {
    budget.onSuccess();
    budget.onFailure();
  }

  @Arbiter
  public void arbiter(I_Result r) {
    r.r1 = (int) Math.round(budget.tokens() * 1000.0);
  }
}
