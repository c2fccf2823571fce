package io.backon.breaker;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what is logged on the {@code io.backon} logger (System.Logger routes to JUL); shared by
 * the tests of several packages.
 */
public final class CapturedLog extends Handler implements AutoCloseable {

  private final Logger logger = Logger.getLogger("io.backon");
  private final Level previousLevel = logger.getLevel();
  private final boolean previousUseParentHandlers = logger.getUseParentHandlers();
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private CapturedLog() {}

  /** Starts capturing; close to restore the logger. */
  public static CapturedLog attach() {
    CapturedLog log = new CapturedLog();
    log.logger.addHandler(log);
    log.logger.setLevel(Level.ALL);
    log.logger.setUseParentHandlers(false);
    return log;
  }

  /** What was logged so far. */
  public List<LogRecord> records() {
    return List.copyOf(records);
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setLevel(previousLevel);
    logger.setUseParentHandlers(previousUseParentHandlers);
  }
}
