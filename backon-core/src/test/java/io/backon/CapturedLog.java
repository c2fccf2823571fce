package io.backon;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Captures what is logged on one {@code java.util.logging} logger and its children (Backon's {@code
 * System.Logger}s route to JUL in tests), nothing passed on to the console, and restores the logger
 * on close. Shared by the logging tests of every package.
 */
public final class CapturedLog extends Handler implements AutoCloseable {

  private final Logger logger;
  private final @Nullable Level previousLevel;
  private final boolean previousUseParentHandlers;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private volatile boolean broken;

  private CapturedLog(String name) {
    this.logger = Logger.getLogger(name);
    this.previousLevel = logger.getLevel();
    this.previousUseParentHandlers = logger.getUseParentHandlers();
  }

  /** Captures every level on {@code io.backon} and all of Backon's loggers under it. */
  public static CapturedLog attach() {
    return attach("io.backon", Level.ALL);
  }

  /**
   * Captures {@code name} and its children with the logger's level set to {@code level}, as an
   * operator's {@code logging.level.<name>} would.
   */
  public static CapturedLog attach(String name, Level level) {
    CapturedLog log = new CapturedLog(name);
    log.logger.addHandler(log);
    log.logger.setLevel(level);
    log.logger.setUseParentHandlers(false);
    return log;
  }

  /** What was logged so far. */
  public List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** What was logged so far, as lines. */
  public List<Line> lines() {
    return records.stream().map(Line::of).toList();
  }

  /** What was logged so far on the logger named {@code name} exactly. */
  public List<Line> linesOf(String name) {
    return lines().stream().filter(line -> line.logger().equals(name)).toList();
  }

  /** From now on every record is captured and then thrown at, like a broken log appender. */
  public CapturedLog breakPublishing() {
    broken = true;
    return this;
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
    if (broken) {
      throw new IllegalStateException("broken log handler");
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setLevel(previousLevel);
    logger.setUseParentHandlers(previousUseParentHandlers);
  }

  /**
   * One captured record.
   *
   * @param logger the logger's name
   * @param level the JUL level's name: {@code FINE} for DEBUG, {@code SEVERE} for ERROR
   * @param message the message as logged
   * @param thrown the attached throwable (its stack trace is printed), if any
   */
  public record Line(String logger, String level, String message, @Nullable Throwable thrown) {

    static Line of(LogRecord record) {
      return new Line(
          String.valueOf(record.getLoggerName()),
          record.getLevel().getName(),
          String.valueOf(record.getMessage()),
          record.getThrown());
    }
  }
}
