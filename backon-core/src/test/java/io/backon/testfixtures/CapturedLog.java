package io.backon.testfixtures;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Captures what Backon writes to its {@code System.Logger} named {@code io.backon}, which by
 * default routes to {@code java.util.logging}: while attached, the JUL logger accepts every level
 * and passes nothing on to the console. Close it to restore the logger. Thread-safe.
 */
public final class CapturedLog extends Handler implements AutoCloseable {

  /** One captured record: the JUL level name (e.g. {@code "WARNING"}), message and throwable. */
  public record Line(String level, String message, @Nullable Throwable thrown) {}

  private final Logger logger = Logger.getLogger("io.backon");
  private final @Nullable Level previousLevel = logger.getLevel();
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

  /** What was logged so far, as JUL records. */
  public List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** What was logged so far, as level name, message and throwable. */
  public List<Line> lines() {
    return records.stream()
        .map(r -> new Line(r.getLevel().getName(), r.getMessage(), r.getThrown()))
        .toList();
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
