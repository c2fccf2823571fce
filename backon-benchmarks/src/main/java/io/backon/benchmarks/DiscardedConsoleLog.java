package io.backon.benchmarks;

import java.io.OutputStream;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * For one trial, swaps the JDK logging's root handlers (the console, by default) for a handler that
 * does what the console handler does, INFO threshold, formatting and flushing, but writes into
 * {@link OutputStream#nullOutputStream()}. A benchmark that logs a line per operation then pays the
 * CPU cost of the line (level check, message, record, caller lookup, formatting) without flooding
 * the JMH output or measuring a terminal. Backon logs through {@code System.Logger}, which is this
 * JDK logging when no other logging backend is installed, as in the benchmark jar. Most of the cost
 * is the JDK's {@link SimpleFormatter} asking for the caller's class, a stack walk per line; other
 * backends (Logback, Log4j) cost what their layout asks for.
 */
@State(Scope.Benchmark)
public class DiscardedConsoleLog {

  private final Logger root = Logger.getLogger("");
  private Handler[] replaced = new Handler[0];

  /** Installs the discarding handler in place of the root logger's handlers. */
  @Setup(Level.Trial)
  public void install() {
    replaced = root.getHandlers();
    for (Handler handler : replaced) {
      root.removeHandler(handler);
    }
    root.addHandler(new NullConsoleHandler());
  }

  /** Puts the original handlers back. */
  @TearDown(Level.Trial)
  public void restore() {
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    for (Handler handler : replaced) {
      root.addHandler(handler);
    }
  }

  /** The JDK's {@code ConsoleHandler} with a sink instead of {@code System.err}. */
  private static final class NullConsoleHandler extends StreamHandler {

    NullConsoleHandler() {
      super(OutputStream.nullOutputStream(), new SimpleFormatter());
      setLevel(java.util.logging.Level.INFO);
    }

    @Override
    public synchronized void publish(LogRecord record) {
      super.publish(record);
      flush();
    }
  }
}
