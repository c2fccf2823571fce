package io.backon.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.backon.budget.RetryBudget;
import io.backon.budget.RetryBudgetSnapshot;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * A full two-token {@link RetryBudget} ({@code maxTokens(2)}, {@code tokenRatio(1.0)}) is drained
 * by actor 1 with three failures (2 → 1 → 0 → 0: the third finds it empty) while actor 2 takes a
 * snapshot, deposits one success, and takes another snapshot. Each snapshot must show a balance
 * that the operations, in some order that keeps each actor's program order, pass through: never
 * negative, never above {@code maxTokens}, never a fraction. With k the number of failures before
 * the deposit, the legal (first, second, final) balances are: k=0: (2, 2 or 1 or 0, 0); k=1: (2 or
 * 1, 2 or 1 or 0, 0); k=2: (2 or 1 or 0, 1 or 0, 0); k=3: (2 or 1 or 0, 1, 1). Forbidden, for
 * instance: (0, 2, 0), a second snapshot of 2 although the first already saw the bucket empty (so
 * at least two failures preceded the deposit, which can refill it to 1 at most).
 *
 * <p>Runs on two CPUs.
 *
 * <p>Result: the two snapshots' {@code tokens}, the final {@code tokens()} (whole tokens), and the
 * snapshots' {@code maxTokens} (always 2).
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t BudgetSnapshotConsistencyTest}
 */
@JCStressTest
@Description("Budget snapshots during concurrent failures and a success: in range, consistent.")
@Outcome(
    id = {"2, 2, 0, 2", "2, 1, 0, 2", "2, 0, 0, 2", "1, 2, 0, 2", "1, 1, 0, 2", "1, 0, 0, 2"},
    expect = ACCEPTABLE,
    desc = "Deposit after at most two failures; the bucket ends empty.")
@Outcome(
    id = {"0, 1, 0, 2", "0, 0, 0, 2"},
    expect = ACCEPTABLE,
    desc = "Deposit after two failures (the first snapshot saw it empty); ends empty.")
@Outcome(
    id = {"2, 1, 1, 2", "1, 1, 1, 2", "0, 1, 1, 2"},
    expect = ACCEPTABLE,
    desc = "Deposit after all three failures: one token left.")
@Outcome(
    expect = FORBIDDEN,
    desc = "Negative, above maxTokens, fractional, or a balance no order of the operations gives.")
@State
public class BudgetSnapshotConsistencyTest {

  private final RetryBudget budget = RetryBudget.builder().maxTokens(2).tokenRatio(1.0).build();

  private @Nullable RetryBudgetSnapshot before;
  private @Nullable RetryBudgetSnapshot after;

  @Actor
  public void actor1() {
    budget.onFailure();
    budget.onFailure();
    budget.onFailure();
  }

  @Actor
  public void actor2() {
    before = budget.snapshot();
    budget.onSuccess();
    after = budget.snapshot();
  }

  @Arbiter
  public void arbiter(IIII_Result r) {
    RetryBudgetSnapshot first = Objects.requireNonNull(before, "actor 2 ran");
    RetryBudgetSnapshot second = Objects.requireNonNull(after, "actor 2 ran");
    r.r1 = wholeTokens(first.tokens());
    r.r2 = wholeTokens(second.tokens());
    r.r3 = wholeTokens(budget.tokens());
    r.r4 = first.maxTokens() == second.maxTokens() ? first.maxTokens() : -1;
  }

  /** Whole tokens, or -100 for a fraction (every operation here moves whole tokens). */
  private static int wholeTokens(double tokens) {
    return tokens == Math.rint(tokens) ? (int) tokens : -100;
  }
}
