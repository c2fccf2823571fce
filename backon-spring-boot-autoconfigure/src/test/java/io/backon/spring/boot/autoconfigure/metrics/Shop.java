package io.backon.spring.boot.autoconfigure.metrics;

import io.backon.Backon;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A user's bean with {@code @Backon} methods on the policies of {@link #POLICIES}: each call fails
 * as many times as it is told before it returns, so a test can make every outcome a meter counts.
 */
public class Shop {

  /** The policies and breaker the shop's methods use, as a user writes them in properties. */
  static final String[] POLICIES = {
    "backon.policies.orders.max-tries=3",
    "backon.policies.orders.wait=none",
    "backon.policies.guarded.max-tries=1",
    "backon.policies.guarded.circuit-breaker=stock",
    "backon.circuit-breakers.stock.failure-threshold=1",
    "backon.circuit-breakers.stock.recovery-timeout=1h",
    "backon.budgets.orders.max-tokens=100000",
    "backon.policies.orders.budget=orders"
  };

  /** Fails the first {@code failures} attempts of a call with an {@link IOException}. */
  @Backon("orders")
  public String order(Failures failures) throws IOException {
    return failures.next();
  }

  /** As {@link #order} with a fallback once the three tries are spent. */
  @Backon(value = "orders", fallback = "orderLater")
  public String orderOrFallBack(Failures failures) throws IOException {
    return failures.next();
  }

  String orderLater(Failures failures, IOException failure) {
    return "later";
  }

  /** One try through the {@code stock} breaker, which one failure opens for an hour. */
  @Backon("guarded")
  public String checkStock(Failures failures) throws IOException {
    return failures.next();
  }

  /** How many attempts of one call fail before it returns. Thread-safe. */
  public static final class Failures {

    private final AtomicInteger left;

    private Failures(int failures) {
      this.left = new AtomicInteger(failures);
    }

    /** A call whose first {@code n} attempts fail. */
    public static Failures first(int n) {
      return new Failures(n);
    }

    String next() throws IOException {
      if (left.getAndDecrement() > 0) {
        throw new IOException("out of stock");
      }
      return "ok";
    }
  }
}
