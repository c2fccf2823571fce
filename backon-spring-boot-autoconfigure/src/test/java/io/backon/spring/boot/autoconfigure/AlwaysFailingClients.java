package io.backon.spring.boot.autoconfigure;

import io.backon.Backon;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients that always fail, each annotated for one policy, and an interface for a JDK proxy: the
 * beans of {@link BackonAutoConfigurationConditionsTest} and {@link PropertiesAndBeansTest}.
 */
final class AlwaysFailingClients {

  private AlwaysFailingClients() {}

  /** An HTTP-interface-style client: only an interface, served by a JDK proxy. */
  interface Greeter {
    @Backon
    String greet(String name) throws IOException;
  }

  /** Counts its calls and always fails. */
  abstract static class AlwaysFailingClient {
    private final AtomicInteger calls = new AtomicInteger();

    public int calls() {
      return calls.get();
    }

    String fail() throws IOException {
      calls.incrementAndGet();
      throw new IOException("down");
    }
  }

  /** Retried under the policy {@code default}. */
  static class DefaultPolicyClient extends AlwaysFailingClient {
    @Backon
    public String call() throws IOException {
      return fail();
    }
  }

  /** Retried under the policy {@code custom}. */
  static class CustomPolicyClient extends AlwaysFailingClient {
    @Backon("custom")
    public String call() throws IOException {
      return fail();
    }
  }

  /** Under the switched-off policy {@code off}, with an inline override. */
  static class SwitchedOffPolicyClient extends AlwaysFailingClient {
    @Backon(value = "off", maxTries = 4)
    public String call() throws IOException {
      return fail();
    }
  }

  /** Under the policy {@code default}, with a fallback. */
  static class DefaultPolicyWithFallbackClient extends AlwaysFailingClient {
    @Backon(fallback = "recover")
    public String call() throws IOException {
      return fail();
    }

    String recover(IOException failure) {
      return "fallback after " + failure.getMessage();
    }
  }

  /** Retried under the policy {@code guarded}. */
  static class GuardedClient extends AlwaysFailingClient {
    @Backon("guarded")
    public String call() throws IOException {
      return fail();
    }
  }
}
