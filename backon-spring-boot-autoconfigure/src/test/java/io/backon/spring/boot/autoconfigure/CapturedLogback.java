package io.backon.spring.boot.autoconfigure;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Every event Logback's root logger passes on, from {@link #attach()} to {@link #close()}: what the
 * app's log would hold, each logger at its configured level (Backon's {@code System.Logger} lines
 * arrive through Spring Boot's JUL bridge). Thread-safe: events may come from any thread.
 */
final class CapturedLogback extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  private final List<Line> lines = new CopyOnWriteArrayList<>();

  private CapturedLogback() {}

  /** Backon's loggers, whose levels tests of this module set and other tests' contexts leave. */
  static final List<String> BACKON_LOGGERS =
      List.of("io.backon", "io.backon.retry", "io.backon.breaker", "io.backon.hedge");

  /**
   * Starts capturing on the root logger, Backon's loggers back at Spring Boot's default level
   * (INFO, from the root): the logging system outlives a test's context, so levels another test's
   * context set ({@code logging.level.io.backon.breaker=warn}) would still hold.
   */
  static CapturedLogback attachAtBootsDefaultLevels(LoggingSystem logging) {
    for (String logger : BACKON_LOGGERS) {
      logging.setLogLevel(logger, null);
      // java.util.logging's level decides what Backon's System.Logger sends (a stack trace at
      // DEBUG), and Logback passes on only changes, as explicit levels: a context started since
      // may have left Logback at null while the bridge still says DEBUG, or INFO under a parent
      // a later test sets to DEBUG. Without its own level, it inherits as Logback's does.
      java.util.logging.Logger.getLogger(logger).setLevel(null);
    }
    return attach();
  }

  /** Starts capturing on the root logger. */
  static CapturedLogback attach() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    CapturedLogback log = new CapturedLogback();
    log.setContext(context);
    log.setName("captured-by-test");
    log.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(log);
    return log;
  }

  @Override
  protected void append(ILoggingEvent event) {
    IThrowableProxy thrown = event.getThrowableProxy();
    lines.add(
        new Line(
            event.getLoggerName(),
            event.getLevel().toString(),
            event.getFormattedMessage(),
            thrown == null ? null : thrown.getClassName() + ": " + thrown.getMessage()));
  }

  /** What Backon's loggers ({@code io.backon.*}) logged so far. */
  List<Line> backonLines() {
    return lines.stream().filter(line -> line.logger().startsWith("io.backon.")).toList();
  }

  /** Forgets what was captured so far. */
  void clear() {
    lines.clear();
  }

  @Override
  public void close() {
    LoggerContext context = (LoggerContext) getContext();
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
    stop();
  }

  /**
   * One logged event.
   *
   * @param logger the logger's name, e.g. {@code io.backon.retry}
   * @param level Logback's level: {@code WARN}, {@code INFO}, {@code DEBUG}, ...
   * @param message the formatted message, without a stack trace
   * @param stackTraceOf the first line of the stack trace the line prints, the attached throwable's
   *     class name and message; {@code null} for a line without one
   */
  record Line(String logger, String level, String message, @Nullable String stackTraceOf) {}
}
