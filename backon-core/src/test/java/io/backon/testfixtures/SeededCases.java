package io.backon.testfixtures;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Reproducible cases for a {@link Property}: the {@code @MethodSource} of a property returns {@code
 * SeededCases.of(count, any -> arguments(...))}. The cases come from {@link #seed()} and the case's
 * index only, so the same seed always gives the same cases.
 *
 * <p>Edge cases come first, in up to a quarter of the cases: every combination of the draws' edge
 * cases when there are that few and every case makes the same draws; otherwise every draw's edge
 * cases once each (case {@code i} takes edge case {@code i} of every draw), then random
 * combinations of edge cases. The other cases are random, one draw in ten still an edge case.
 * Stateless; the streams are not thread-safe.
 */
public final class SeededCases {

  /** The system property that replaces {@link #DEFAULT_SEED}, to run other cases. */
  public static final String SEED_PROPERTY = "backon.cases.seed";

  /** The seed of every property unless {@value #SEED_PROPERTY} is set. */
  public static final long DEFAULT_SEED = 20_260_601L;

  private SeededCases() {}

  /** The seed of this run: {@value #SEED_PROPERTY} if set, else {@link #DEFAULT_SEED}. */
  public static long seed() {
    return Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
  }

  /**
   * {@code count} cases, each the arguments {@code generator} draws from its own {@link Any}.
   *
   * @throws IllegalArgumentException if {@code count} is not positive
   */
  public static Stream<Arguments> of(int count, Function<Any, Arguments> generator) {
    if (count < 1) {
      throw new IllegalArgumentException("count " + count + " < 1");
    }
    long[] caseSeeds = new SplittableRandom(seed()).longs(count).toArray();
    EdgePlan plan = EdgePlan.of(generator, count / 4);
    return IntStream.range(0, count)
        .mapToObj(
            i -> generator.apply(new Any(new SplittableRandom(caseSeeds[i]), plan.modeOf(i), i)));
  }

  /** Which of the first {@code edgeCases} cases take edge cases, and how. */
  private record EdgePlan(
      boolean everyCombination, long combinations, long sameEdgeCases, long edgeCases) {

    static EdgePlan of(Function<Any, Arguments> generator, long edgeCases) {
      Any first = edgeCase(generator, 0);
      long combinations = first.combinations();
      boolean everyCombination =
          combinations <= edgeCases
              && LongStream.range(1, combinations)
                  .allMatch(i -> edgeCase(generator, i).combinations() == combinations);
      long sameEdgeCases = Math.min(first.mostEdgeCases(), edgeCases);
      return new EdgePlan(everyCombination, combinations, sameEdgeCases, edgeCases);
    }

    Any.Mode modeOf(long index) {
      if (everyCombination) {
        return index < combinations ? Any.Mode.EVERY_COMBINATION : Any.Mode.RANDOM;
      }
      if (index < sameEdgeCases) {
        return Any.Mode.SAME_EDGE;
      }
      return index < edgeCases ? Any.Mode.RANDOM_EDGES : Any.Mode.RANDOM;
    }

    /** Draws combination {@code index} of edge cases, to learn what the generator draws. */
    private static Any edgeCase(Function<Any, Arguments> generator, long index) {
      Any any = new Any(new SplittableRandom(0), Any.Mode.EVERY_COMBINATION, index);
      generator.apply(any);
      return any;
    }
  }
}
