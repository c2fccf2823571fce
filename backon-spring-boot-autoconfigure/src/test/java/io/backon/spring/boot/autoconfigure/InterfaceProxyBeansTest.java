package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Backon;
import io.backon.spring.boot.autoconfigure.test.BackonBeans;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code @Backon} on an interface served by a JDK proxy whose target class does not implement it,
 * the way Spring Data serves a repository interface (a factory bean builds a Spring proxy around a
 * generic store; an interceptor answers the query methods). Spring Data is not on this module's
 * class path, so {@link RepositoryFactory} builds such a proxy as Spring Data does.
 */
class InterfaceProxyBeansTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(BackonAutoConfiguration.class))
          .withPropertyValues(
              "backon.policies.thrice.max-tries=3", "backon.policies.thrice.wait=none");

  @Test
  void aMethodAnnotatedOnlyOnARepositoryInterfaceIsRetried() {
    runner
        .withBean(
            "orders",
            RepositoryFactory.class,
            () -> new RepositoryFactory(OrderRepository.class, 2))
        .run(
            context -> {
              OrderRepository orders = context.getBean(OrderRepository.class);

              assertThat(orders.findByName("book")).isEqualTo("book #3");
              assertThat(orders.count()).as("the store's own methods still work").isEqualTo(42);
            });
  }

  @Test
  void aDefaultMethodOfTheRepositoryInterfaceCanBeTheFallback() {
    runner
        .withBean(
            "orders",
            RepositoryFactory.class,
            () -> new RepositoryFactory(OrderRepository.class, 10))
        .run(
            context ->
                assertThat(context.getBean(OrderRepository.class).findByNameOrNone("book"))
                    .isEqualTo("none: down #3"));
  }

  @Test
  void aRepositoryWithoutBackonOverTheSameStoreClassDoesNotHideOneWithIt() {
    runner
        .withBean(
            "plain", RepositoryFactory.class, () -> new RepositoryFactory(PlainRepository.class, 0))
        .withBean(
            "orders",
            RepositoryFactory.class,
            () -> new RepositoryFactory(OrderRepository.class, 2))
        .run(
            context -> {
              assertThat(context.getBean(PlainRepository.class).count()).isEqualTo(42);
              assertThat(context.getBean(OrderRepository.class).findByName("book"))
                  .isEqualTo("book #3");
            });
  }

  @Test
  void aFrozenInterfaceProxyIsWrappedInOneOfBackons() {
    runner
        .withBean(
            "orders",
            RepositoryFactory.class,
            () -> new RepositoryFactory(OrderRepository.class, 2).frozen())
        .run(
            context ->
                assertThat(context.getBean(OrderRepository.class).findByName("book"))
                    .isEqualTo("book #3"));
  }

  @Test
  void policyOfReadsTheRepositoryMethodsPolicy() {
    runner
        .withBean(
            "orders",
            RepositoryFactory.class,
            () -> new RepositoryFactory(OrderRepository.class, 0))
        .run(
            context ->
                assertThat(
                        BackonBeans.policyOf(
                                context.getBean(OrderRepository.class), "findByName", String.class)
                            .name())
                    .isEqualTo("thrice"));
  }

  @Test
  void policyOfReadsThePolicyOfAPlainJdkProxyBean() {
    Greeter greeter =
        (Greeter)
            Proxy.newProxyInstance(
                Greeter.class.getClassLoader(),
                new Class<?>[] {Greeter.class},
                (proxy, method, args) -> "hello " + args[0]);
    runner
        .withBean(Greeter.class, () -> greeter)
        .run(
            context -> {
              Greeter bean = context.getBean(Greeter.class);

              assertThat(BackonBeans.policyOf(bean, "greet", String.class).name())
                  .isEqualTo("thrice");
              assertThatThrownBy(() -> BackonBeans.policyOf(bean, "wave"))
                  .isInstanceOf(IllegalArgumentException.class)
                  .hasMessageContaining("not a @Backon method");
              assertThatThrownBy(() -> BackonBeans.policyOf(bean, "nothing"))
                  .isInstanceOf(IllegalArgumentException.class)
                  .hasMessageContaining("no method nothing");
            });
  }

  /** What every repository of the store offers, as Spring Data's CrudRepository. */
  public interface Store {
    long count();
  }

  /** A repository whose query method retries; the annotations are only here. */
  public interface OrderRepository extends Store {

    @Backon("thrice")
    String findByName(String name) throws IOException;

    @Backon(value = "thrice", fallback = "none")
    String findByNameOrNone(String name) throws IOException;

    default String none(String name, IOException failure) {
      return "none: " + failure.getMessage();
    }
  }

  /** A repository of the same store without Backon. */
  public interface PlainRepository extends Store {}

  public interface Greeter {
    @Backon("thrice")
    String greet(String name);

    String wave();
  }

  /** The generic store behind every repository, as Spring Data's SimpleJpaRepository. */
  static class GenericStore implements Store {
    @Override
    public long count() {
      return 42;
    }
  }

  /**
   * Builds a repository as Spring Data's repository factory does: a Spring JDK proxy for the
   * interface around a {@link GenericStore}, with an interceptor answering query methods (failing
   * the first {@code failures} calls) and default methods.
   */
  static class RepositoryFactory implements FactoryBean<Object> {
    private final Class<?> repositoryInterface;
    private final int failures;
    private boolean frozen;

    RepositoryFactory(Class<?> repositoryInterface, int failures) {
      this.repositoryInterface = repositoryInterface;
      this.failures = failures;
    }

    RepositoryFactory frozen() {
      frozen = true;
      return this;
    }

    @Override
    public Object getObject() {
      AtomicInteger calls = new AtomicInteger();
      MethodInterceptor queries =
          invocation -> {
            if (invocation.getMethod().isDefault()) {
              return InvocationHandler.invokeDefault(
                  ((ProxyMethodInvocation) invocation).getProxy(),
                  invocation.getMethod(),
                  invocation.getArguments());
            }
            if (invocation.getMethod().getName().startsWith("findByName")) {
              int call = calls.incrementAndGet();
              if (call <= failures) {
                throw new IOException("down #" + call);
              }
              return invocation.getArguments()[0] + " #" + call;
            }
            return invocation.proceed();
          };
      ProxyFactory proxy = new ProxyFactory();
      proxy.setTarget(new GenericStore());
      proxy.setInterfaces(repositoryInterface, Store.class);
      proxy.addAdvice(queries);
      proxy.setFrozen(frozen);
      return proxy.getProxy(repositoryInterface.getClassLoader());
    }

    @Override
    public Class<?> getObjectType() {
      return repositoryInterface;
    }
  }
}
