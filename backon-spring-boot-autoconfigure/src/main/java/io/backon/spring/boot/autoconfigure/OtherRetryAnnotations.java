package io.backon.spring.boot.autoconfigure;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;

/**
 * Refuses {@code @Backon} on a method that another library's retry annotation also covers (Spring
 * Framework 7's or Spring Retry's {@code @Retryable}, Resilience4j's {@code @Retry}): left over
 * from a migration, it retries each of Backon's attempts again, so one call becomes up to {@code
 * maxTries × maxAttempts} requests in an outage. Matched by annotation name, so none of those
 * libraries needs to be on the class path. Stateless.
 */
final class OtherRetryAnnotations {

  /** The other libraries' retry annotations, by fully qualified name, with a readable name. */
  private static final Map<String, String> RETRYING =
      Map.of(
          "org.springframework.resilience.annotation.Retryable",
          "Spring Framework's @Retryable",
          "org.springframework.retry.annotation.Retryable",
          "Spring Retry's @Retryable",
          "io.github.resilience4j.retry.annotation.Retry",
          "Resilience4j's @Retry");

  private OtherRetryAnnotations() {}

  /**
   * Throws when {@code method} (or its class, as the other libraries read it) carries another retry
   * annotation.
   *
   * @param subject names the annotated method in the report
   */
  static void reject(Method method, Class<?> targetClass, String subject) {
    Optional<String> onMethod = find(MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY));
    Optional<String> found =
        onMethod.isPresent()
            ? onMethod
            : find(MergedAnnotations.from(targetClass, SearchStrategy.TYPE_HIERARCHY));
    if (found.isEmpty()) {
      return;
    }
    String other = found.get();
    String where = onMethod.isPresent() ? "the method" : "its class " + targetClass.getSimpleName();
    throw new BackonConfigurationException(
        ConfigErrorCode.DOUBLE_RETRY,
        subject,
        other
            + " on "
            + where
            + " retries the call as well: each of Backon's attempts would be retried again, so"
            + " one call could become maxTries × the other's attempts requests in an outage.",
        "remove " + other + " (Backon's policy replaces it), or remove @Backon.");
  }

  private static Optional<String> find(MergedAnnotations annotations) {
    for (MergedAnnotation<Annotation> annotation : annotations) {
      String name = RETRYING.get(annotation.getType().getName());
      if (name != null) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }
}
