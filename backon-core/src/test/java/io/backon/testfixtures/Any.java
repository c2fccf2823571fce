package io.backon.testfixtures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The values of one case of a property, drawn one after the other by the case's generator (see
 * {@link SeededCases}). Every draw has edge cases (bounds, their neighbours and the small numbers
 * around zero); {@link SeededCases} decides per case whether a draw returns an edge case or a
 * random value. Random integers are spread evenly over bit lengths (as many 2-digit values as
 * 15-digit ones), random doubles likewise above the lower bound. Not thread-safe: one per case.
 */
public final class Any {

  /** How the draws of one case choose between edge cases and random values. */
  enum Mode {
    /** Draw k takes digit k of the case index, counted in the edge-case counts of the draws. */
    EVERY_COMBINATION,
    /** Every draw takes its edge case number (case index modulo its edge-case count). */
    SAME_EDGE,
    /** Every draw takes a random one of its edge cases. */
    RANDOM_EDGES,
    /** Every draw takes a random value, or one time in ten a random edge case. */
    RANDOM
  }

  private static final int EDGE_ONE_IN = 10;

  private final SplittableRandom random;
  private final Mode mode;
  private final long caseIndex;
  private long combinations = 1;
  private int mostEdgeCases;

  Any(SplittableRandom random, Mode mode, long caseIndex) {
    this.random = random;
    this.mode = mode;
    this.caseIndex = caseIndex;
  }

  /** Any {@code long}; edge cases: both bounds, their neighbours and -2 to 2. */
  public long anyLong() {
    return longBetween(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /**
   * A {@code long} from {@code min} to {@code max}, both included; edge cases: both bounds, their
   * neighbours and whatever of -2 to 2 lies in between.
   */
  public long longBetween(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " > max " + max);
    }
    long[] edges = integralEdges(min, max);
    int edge = edgeIndex(edges.length);
    return edge >= 0 ? edges[edge] : randomBetween(min, max);
  }

  /** An {@code int} from {@code min} to {@code max}, both included; edge cases as for longs. */
  public int intBetween(int min, int max) {
    return Math.toIntExact(longBetween(min, max));
  }

  /**
   * A {@code double} from {@code min} to {@code max}, both included (a finite range); edge cases:
   * both bounds and whatever of 0, 0.5, 1 and 2 lies in between.
   */
  public double doubleBetween(double min, double max) {
    if (!(min <= max && Double.isFinite(max - min))) {
      throw new IllegalArgumentException("not a finite range: " + min + " to " + max);
    }
    double[] edges = decimalEdges(min, max);
    int edge = edgeIndex(edges.length);
    return edge >= 0 ? edges[edge] : randomAbove(min, max);
  }

  /**
   * A {@code double} above {@code min} (excluded) up to {@code max} (included); the lowest edge
   * case is the smallest double above {@code min}.
   */
  public double doubleAbove(double min, double max) {
    return doubleBetween(Math.nextUp(min), max);
  }

  /** One of {@code values}; each one is an edge case. */
  @SafeVarargs
  public final <T> T element(T... values) {
    return values[choice(values.length)];
  }

  /**
   * The value of one of {@code alternatives}, each drawing its own values from this case; each
   * choice is an edge case.
   */
  @SafeVarargs
  public final <T> T oneOf(Function<Any, ? extends T>... alternatives) {
    return alternatives[choice(alternatives.length)].apply(this);
  }

  /** A list of {@code minSize} to {@code maxSize} elements drawn one by one by {@code element}. */
  public <T> List<T> listOf(int minSize, int maxSize, Function<Any, ? extends T> element) {
    int size = intBetween(minSize, maxSize);
    List<T> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(element.apply(this));
    }
    return list;
  }

  /** The number of edge-case combinations of the draws made so far (at most Long.MAX_VALUE). */
  long combinations() {
    return combinations;
  }

  /** The largest edge-case count of one draw made so far. */
  int mostEdgeCases() {
    return mostEdgeCases;
  }

  private int choice(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("nothing to choose from");
    }
    int edge = edgeIndex(count);
    return edge >= 0 ? edge : random.nextInt(count);
  }

  /** The edge case this draw takes (0 to edgeCount - 1), or -1 for a random value. */
  private int edgeIndex(int edgeCount) {
    long before = combinations;
    combinations = before > Long.MAX_VALUE / edgeCount ? Long.MAX_VALUE : before * edgeCount;
    mostEdgeCases = Math.max(mostEdgeCases, edgeCount);
    return switch (mode) {
      case EVERY_COMBINATION -> (int) (caseIndex / before % edgeCount);
      case SAME_EDGE -> (int) (caseIndex % edgeCount);
      case RANDOM_EDGES -> random.nextInt(edgeCount);
      case RANDOM -> random.nextInt(EDGE_ONE_IN) == 0 ? random.nextInt(edgeCount) : -1;
    };
  }

  private static long[] integralEdges(long min, long max) {
    long[] candidates = {min, max, 0, 1, -1, 2, -2, saturatedNext(min), saturatedPrevious(max)};
    return Arrays.stream(candidates).filter(n -> n >= min && n <= max).distinct().toArray();
  }

  private static double[] decimalEdges(double min, double max) {
    double[] candidates = {min, max, 0, 0.5, 1, 2};
    return Arrays.stream(candidates).filter(d -> d >= min && d <= max).distinct().toArray();
  }

  private static long saturatedNext(long n) {
    return n == Long.MAX_VALUE ? n : n + 1;
  }

  private static long saturatedPrevious(long n) {
    return n == Long.MIN_VALUE ? n : n - 1;
  }

  /**
   * Starts at the value nearest to zero and goes up or down by a distance whose bit length is
   * uniform, so small and huge values are equally likely.
   */
  private long randomBetween(long min, long max) {
    long start = Math.max(min, Math.min(0, max));
    boolean up = start == min || (start != max && random.nextBoolean());
    long room = up ? max - start : start - min; // unsigned: up to 2^63
    long distance = randomWithinBits(room);
    return up ? start + distance : start - distance;
  }

  /** A distance from 0 to {@code room} (unsigned) whose bit length is uniform. */
  private long randomWithinBits(long room) {
    int bits = random.nextInt(Long.SIZE - Long.numberOfLeadingZeros(room) + 1);
    long ceiling = bits == Long.SIZE ? -1L : (1L << bits) - 1;
    long bound = Long.compareUnsigned(ceiling, room) < 0 ? ceiling : room;
    boolean fullRange = bound < 0 || bound == Long.MAX_VALUE; // 2^63 - 1 or 2^63 (unsigned)
    return fullRange ? random.nextLong() >>> 1 : random.nextLong(bound + 1);
  }

  /** {@code min} plus a uniform part of the range scaled down by a uniform power of two. */
  private double randomAbove(double min, double max) {
    double range = max - min;
    if (range == 0) {
      return min;
    }
    int halvings = random.nextInt(Math.max(0, Math.getExponent(range)) + 64);
    double value = min + Math.scalb(range, -halvings) * random.nextDouble();
    return Math.min(value, max);
  }
}
