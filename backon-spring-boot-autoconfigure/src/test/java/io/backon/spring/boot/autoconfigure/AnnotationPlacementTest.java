package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Backon;
import io.backon.spring.boot.autoconfigure.test.BackonBeans;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Where {@code @Backon} may sit (method, class, interface, superclass, meta-annotation) and how it
 * meets the proxies of a Spring application: CGLIB and JDK interface proxies,
 * {@code @Transactional} proxies of either kind, and calls from inside the bean (README, "Where"
 * and "Layering and transactions").
 */
class AnnotationPlacementTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PropertyPlaceholderAutoConfiguration.class, BackonAutoConfiguration.class))
          .withPropertyValues(
              "backon.defaults.wait=none",
              "backon.policies.twice.max-tries=2",
              "backon.policies.five.max-tries=5");

  /** Fails every call with an IOException and counts them. */
  abstract static class Counting {
    private final AtomicInteger calls = new AtomicInteger();

    String fail() throws IOException {
      throw new IOException("down#" + calls.incrementAndGet());
    }

    public int calls() {
      return calls.get();
    }
  }

  interface Quotes {
    @Backon("five")
    String quote(String symbol) throws IOException;
  }

  static class QuotesClient extends Counting implements Quotes {
    @Override
    public String quote(String symbol) throws IOException {
      return fail();
    }
  }

  @Test
  void anAnnotationOnAnInterfaceMethodCoversTheImplementingClassesMethod() {
    runner
        .withBean(QuotesClient.class)
        .run(
            context -> {
              QuotesClient client = context.getBean(QuotesClient.class);

              assertThatThrownBy(() -> client.quote("ACME")).isInstanceOf(IOException.class);
              assertThat(client.calls()).isEqualTo(5);
              assertThat(context.getBean(Quotes.class)).isSameAs(client);
            });
  }

  static class Base extends Counting {
    @Backon("twice")
    public String load() throws IOException {
      return fail();
    }

    @Backon("twice")
    public String save() throws IOException {
      return fail();
    }
  }

  static class Derived extends Base {
    @Override
    public String load() throws IOException {
      return fail();
    }

    @Backon("five")
    @Override
    public String save() throws IOException {
      return fail();
    }
  }

  @Test
  void anOverridingMethodKeepsTheInheritedAnnotationUnlessItDeclaresItsOwn() {
    runner
        .withBean(Derived.class)
        .run(
            context -> {
              Derived bean = context.getBean(Derived.class);

              assertThatThrownBy(bean::load).isInstanceOf(IOException.class);
              assertThat(bean.calls()).isEqualTo(2);
              assertThatThrownBy(bean::save).isInstanceOf(IOException.class);
              assertThat(bean.calls()).isEqualTo(2 + 5);
            });
  }

  @Backon(value = "five", maxTries = 4)
  static class ClassLevel extends Counting {
    public String everyPublicMethod() throws IOException {
      return fail();
    }

    @Backon("twice")
    public String ownAnnotation() throws IOException {
      return fail();
    }

    @Backon("five")
    public String ownAnnotationWithoutTheClassOverride() throws IOException {
      return fail();
    }

    String packagePrivate() throws IOException {
      return fail();
    }
  }

  @Test
  void aClassLevelAnnotationCoversPublicMethodsAndAMethodLevelOneReplacesItWhole() {
    runner
        .withBean(ClassLevel.class)
        .run(
            context -> {
              ClassLevel bean = context.getBean(ClassLevel.class);

              assertThatThrownBy(bean::everyPublicMethod).isInstanceOf(IOException.class);
              assertThat(bean.calls()).isEqualTo(4);
              assertThatThrownBy(bean::ownAnnotation).isInstanceOf(IOException.class);
              assertThat(bean.calls()).isEqualTo(4 + 2);
              assertThatThrownBy(bean::ownAnnotationWithoutTheClassOverride)
                  .isInstanceOf(IOException.class);
              assertThat(bean.calls()).isEqualTo(4 + 2 + 5);
              assertThatThrownBy(bean::packagePrivate).isInstanceOf(IOException.class);
              assertThat(bean.calls()).isEqualTo(4 + 2 + 5 + 1);
            });
  }

  static class SelfCalling extends Counting {
    @Backon("five")
    public String retried() throws IOException {
      return fail();
    }

    public String callsItself() throws IOException {
      return retried();
    }
  }

  @Test
  void aCallFromInsideTheBeanBypassesTheProxyAndIsNotRetried() {
    runner
        .withBean(SelfCalling.class)
        .run(
            context -> {
              SelfCalling bean = context.getBean(SelfCalling.class);

              assertThatThrownBy(bean::callsItself).isInstanceOf(IOException.class);
              assertThat(bean.calls()).isEqualTo(1);
            });
  }

  /** Records the transactions begun, committed and rolled back, in order. */
  static class RecordingTransactions extends AbstractPlatformTransactionManager {
    final List<String> log = new CopyOnWriteArrayList<>();

    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
      log.add("begin");
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
      log.add("commit");
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
      log.add("rollback");
    }
  }

  interface Orders {
    String place(String order);
  }

  static class TransactionalOrders implements Orders {
    private final AtomicInteger attempts = new AtomicInteger();

    @Backon("five")
    @Transactional
    @Override
    public String place(String order) {
      if (attempts.incrementAndGet() < 3) {
        throw new IllegalStateException("deadlock, try again");
      }
      return "placed " + order;
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableTransactionManagement(proxyTargetClass = false)
  static class InterfaceProxies {
    @Bean
    RecordingTransactions transactions() {
      return new RecordingTransactions();
    }

    @Bean
    Orders orders() {
      return new TransactionalOrders();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableTransactionManagement(proxyTargetClass = true)
  static class ClassProxies {
    @Bean
    RecordingTransactions transactions() {
      return new RecordingTransactions();
    }

    @Bean
    TransactionalOrders orders() {
      return new TransactionalOrders();
    }
  }

  @Test
  void onAJdkProxiedTransactionalBeanEachAttemptRunsInItsOwnTransaction() {
    runner
        .withUserConfiguration(InterfaceProxies.class)
        .run(
            context -> {
              Orders orders = context.getBean(Orders.class);

              assertThat(AopUtils.isJdkDynamicProxy(orders)).isTrue();
              assertThat(orders.place("o-1")).isEqualTo("placed o-1");
              assertThat(context.getBean(RecordingTransactions.class).log)
                  .containsExactly("begin", "rollback", "begin", "rollback", "begin", "commit");
              assertThat(BackonBeans.policyOf(orders, "place", String.class).name())
                  .isEqualTo("five");
            });
  }

  @Test
  void onACglibProxiedTransactionalBeanEachAttemptRunsInItsOwnTransaction() {
    runner
        .withUserConfiguration(ClassProxies.class)
        .run(
            context -> {
              TransactionalOrders orders = context.getBean(TransactionalOrders.class);

              assertThat(AopUtils.isCglibProxy(orders)).isTrue();
              assertThat(orders.place("o-1")).isEqualTo("placed o-1");
              assertThat(context.getBean(PlatformTransactionManager.class))
                  .isInstanceOfSatisfying(
                      RecordingTransactions.class,
                      transactions ->
                          assertThat(transactions.log)
                              .containsExactly(
                                  "begin", "rollback", "begin", "rollback", "begin", "commit"));
            });
  }

  @Test
  void aBeanBackonProxiesItselfIsAClassProxyThatStillServesItsInterfaces() {
    runner
        .withBean(QuotesClient.class)
        .run(
            context -> {
              Object bean = context.getBean(QuotesClient.class);

              assertThat(AopUtils.isCglibProxy(bean)).isTrue();
              assertThat(Proxy.isProxyClass(bean.getClass())).isFalse();
              assertThat(bean).isInstanceOf(Quotes.class);
            });
  }
}
