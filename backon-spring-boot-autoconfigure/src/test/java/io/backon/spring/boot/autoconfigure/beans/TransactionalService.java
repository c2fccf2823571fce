package io.backon.spring.boot.autoconfigure.beans;

import io.backon.Backon;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Writes a row, then fails the first attempt: each attempt must run in its own transaction. */
public class TransactionalService {

  private final JdbcTemplate jdbc;
  private final AtomicInteger attempts = new AtomicInteger();

  public TransactionalService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public int attempts() {
    return attempts.get();
  }

  @Backon("quick")
  @Transactional
  public void insertFailingOnce(String name) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("no transaction");
    }
    jdbc.update("insert into orders(name) values (?)", name);
    if (attempts.incrementAndGet() == 1) {
      throw new IllegalStateException("fail after the insert, so the transaction rolls back");
    }
  }
}
