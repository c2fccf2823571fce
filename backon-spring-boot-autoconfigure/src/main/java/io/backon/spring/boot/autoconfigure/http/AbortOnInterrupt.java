package io.backon.spring.boot.autoconfigure.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.spi.AbstractInterruptibleChannel;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Aborts the request an HTTP client is making on a thread when that thread is interrupted before
 * the answer's head arrives. Backon ends a blocking attempt by interrupting its thread (its attempt
 * timeout, the call's deadline, a hedged copy that lost, or the timeout of an enclosing Backon
 * attempt around the request). The JDK client and Reactor Netty stop the request on that interrupt;
 * Apache HttpClient 5 does not notice it (its socket reads ignore interrupts on platform threads),
 * and with Jetty's client Spring stops waiting but the request goes on. So {@link
 * BackonClientHttpRequestInterceptor} runs each request it sends through {@link #execute}, and the
 * hook Backon adds to those clients in the request factories Spring Boot builds registers how to
 * abort the request it starts ({@link #onInterrupt}).
 *
 * <p>The bridge from the interrupt to the abort is the JDK's own for blocking I/O: an interrupt of
 * a thread between {@link #begin()} and {@link #end(boolean)} closes this channel, which aborts the
 * request (closing its connection) on the interrupting thread; that frees a thread blocked in
 * Apache's socket read. A thread holds one such bridge at a time, so a client doing channel I/O on
 * the sending thread (Jetty writes requests that way) may take its place: a request that fails
 * while its thread is interrupted is therefore aborted at the end too. The body of an answer handed
 * to the caller is never cut. One per request, confined to the thread sending it; its state is
 * guarded by its lock, as the abort may run on the interrupting thread.
 */
final class AbortOnInterrupt extends AbstractInterruptibleChannel {

  private static final ThreadLocal<@Nullable AbortOnInterrupt> CURRENT = new ThreadLocal<>();

  private static final Log LOGGER = LogFactory.getLog("io.backon.http");

  private final Thread sender = Thread.currentThread();
  private final List<Runnable> aborts = new ArrayList<>(1);
  private boolean begun;
  private boolean aborted;
  private boolean answered;

  private AbortOnInterrupt() {}

  /**
   * Sends a request through {@code execution}, aborting the request the client underneath starts
   * (see {@link #onInterrupt}) if this thread is interrupted before the answer's head arrives.
   *
   * @throws InterruptedIOException when the request was aborted (the client's own failure, if any,
   *     suppressed); the thread stays interrupted
   */
  static ClientHttpResponse execute(
      ClientHttpRequestExecution execution, HttpRequest request, byte[] body) throws IOException {
    AbortOnInterrupt scope = new AbortOnInterrupt();
    AbortOnInterrupt outer = CURRENT.get();
    CURRENT.set(scope);
    ClientHttpResponse response;
    try {
      response = execution.execute(request, body);
    } catch (IOException | RuntimeException failure) {
      if (scope.finish(true)) {
        throw aborted(failure);
      }
      throw failure;
    } catch (Error fatal) {
      scope.finish(false);
      throw fatal;
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
    if (scope.finish(false)) {
      // aborted just as the answer arrived: its connection is closed, so it cannot be read
      response.close();
      throw aborted(null);
    }
    return response;
  }

  /**
   * Registers how to abort the request the calling thread is starting, when it runs inside {@link
   * #execute}: from now until its answer's head arrives, an interrupt of this thread runs {@code
   * abort} (at once, if the thread is interrupted already). Does nothing for a request sent any
   * other way, or from another thread.
   */
  static void onInterrupt(Runnable abort) {
    AbortOnInterrupt scope = CURRENT.get();
    if (scope != null && scope.sender == Thread.currentThread()) {
      scope.register(abort);
    }
  }

  private void register(Runnable abort) {
    boolean abortNow;
    synchronized (this) {
      abortNow = aborted;
      if (!abortNow) {
        aborts.add(abort);
      }
    }
    if (abortNow) {
      abort.run();
    } else if (!begun) {
      begun = true;
      begin(); // an interrupt from now on closes this channel; one already set, at once
    }
  }

  /**
   * Ends the scope on the sending thread: later interrupts abort nothing. A request that failed
   * while the thread is interrupted is aborted now, if the interrupt did not reach it while open
   * (the client's own channel I/O on this thread may have taken the place of {@link #begin()};
   * Jetty's client, whose wait ends on the interrupt, then leaves its request running).
   *
   * @param failed whether the client failed instead of answering
   * @return whether the request was aborted
   */
  private boolean finish(boolean failed) {
    List<Runnable> toRun = List.of();
    synchronized (this) {
      answered = true;
      if (failed && !aborted && !aborts.isEmpty() && sender.isInterrupted()) {
        aborted = true;
        toRun = List.copyOf(aborts);
      }
    }
    if (begun) {
      try {
        end(true);
      } catch (IOException interruptedWhileOpen) {
        // ClosedByInterruptException: the abort it ran is what it means here
      }
    }
    runAll(toRun);
    synchronized (this) {
      return aborted;
    }
  }

  /** Called once, by the interrupting thread (see {@link #begin()}): aborts the request. */
  @Override
  protected void implCloseChannel() {
    List<Runnable> toRun;
    synchronized (this) {
      if (answered) {
        return;
      }
      aborted = true;
      toRun = List.copyOf(aborts);
    }
    runAll(toRun);
  }

  private static void runAll(List<Runnable> aborts) {
    for (Runnable abort : aborts) {
      try {
        abort.run();
      } catch (RuntimeException failure) {
        // a client that fails to abort leaves its request to its own timeouts
        LOGGER.debug(
            "Could not abort an interrupted HTTP request; its own timeouts end it", failure);
      }
    }
  }

  private static InterruptedIOException aborted(@Nullable Throwable failure) {
    InterruptedIOException aborted =
        new InterruptedIOException(
            "HTTP request aborted: the thread waiting for its answer was interrupted");
    aborted.initCause(new InterruptedException("interrupted while waiting for an HTTP answer"));
    if (failure != null) {
      aborted.addSuppressed(failure);
    }
    return aborted;
  }
}
