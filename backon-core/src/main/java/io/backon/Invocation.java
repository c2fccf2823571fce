package io.backon;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Names the target of a call and its arguments, so events and log lines show the real method rather
 * than a lambda class. Integrations (the Spring aspect) pass one per call; plain code may omit it.
 * Immutable and thread-safe.
 */
public final class Invocation {

  private final String targetName;
  private final List<@Nullable Object> arguments;

  private Invocation(String targetName, List<@Nullable Object> arguments) {
    this.targetName = targetName;
    this.arguments = arguments;
  }

  /**
   * An invocation of {@code targetName} with these arguments (copied).
   *
   * @param targetName e.g. {@code "PaymentClient.charge"}; must not be blank
   */
  public static Invocation of(String targetName, @Nullable Object... arguments) {
    Objects.requireNonNull(targetName, "targetName");
    if (targetName.isBlank()) {
      throw new IllegalArgumentException("targetName must not be blank");
    }
    return new Invocation(
        targetName, copyOf(arguments == null ? List.of() : Arrays.asList(arguments)));
  }

  /** The target's name. */
  public String targetName() {
    return targetName;
  }

  /** The arguments, unmodifiable, may contain nulls. */
  public List<@Nullable Object> arguments() {
    return arguments;
  }

  /**
   * An unmodifiable copy of {@code source} that may hold nulls; a list this method returned is
   * returned as it is.
   */
  static List<@Nullable Object> copyOf(List<@Nullable Object> source) {
    if (source instanceof ArgumentList) {
      return source;
    }
    if (source.isEmpty()) {
      return List.of();
    }
    return new ArgumentList(source.toArray());
  }

  @Override
  public String toString() {
    return targetName + arguments;
  }
}
