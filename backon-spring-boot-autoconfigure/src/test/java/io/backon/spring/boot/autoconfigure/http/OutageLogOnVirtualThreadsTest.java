package io.backon.spring.boot.autoconfigure.http;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.test.context.TestPropertySource;

/**
 * The outage of {@link OutageLogInTheFieldTest} in an app on virtual threads ({@code
 * spring.threads.virtual.enabled=true}), its callers on virtual threads as Tomcat's would be: the
 * log is the same, line for line.
 */
@EnabledForJreRange(
    min = JRE.JAVA_21,
    disabledReason = "virtual threads need JDK 21+ (run with JAVA_HOME set to a JDK 21+)")
@TestPropertySource(properties = "spring.threads.virtual.enabled=true")
class OutageLogOnVirtualThreadsTest extends OutageLogInTheFieldTest {

  /** A virtual thread per call ({@code Executors.newVirtualThreadPerTaskExecutor}, JDK 21+). */
  @Override
  ExecutorService callers(int threads) {
    try {
      return (ExecutorService)
          Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (ReflectiveOperationException missing) {
      throw new IllegalStateException("virtual threads need JDK 21+", missing);
    }
  }
}
