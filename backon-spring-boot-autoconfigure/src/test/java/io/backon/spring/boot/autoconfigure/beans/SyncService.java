package io.backon.spring.boot.autoconfigure.beans;

import io.backon.Backon;
import io.backon.Retries;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** Blocking @Backon methods. */
public class SyncService {

  private final Flaky flaky = new Flaky();
  private final List<Integer> attemptNumbers = new ArrayList<>();

  @Backon("quick")
  public String call() throws IOException {
    attemptNumbers.add(Retries.attemptNumber());
    return flaky.next();
  }

  @Backon(value = "quick", maxTries = 5)
  public String callWithFiveTries() throws IOException {
    return flaky.next();
  }

  @RetryQuick
  public String metaAnnotated() throws IOException {
    return flaky.next();
  }

  @Backon(value = "quick", fallback = "recover")
  public String withFallback(String id) throws IOException {
    return flaky.next() + ":" + id;
  }

  String recover(String id, IOException failure) {
    return "fallback:" + id + ":" + failure.getMessage();
  }

  @Backon(value = "quick", fallback = "failingRecover")
  public String withFailingFallback() throws IOException {
    return flaky.next();
  }

  String failingRecover(IOException failure) {
    throw new IllegalStateException("the fallback failed too");
  }

  private final AtomicInteger nullCalls = new AtomicInteger();

  @Backon(value = "quick", retryIf = "#result == null")
  public @Nullable String nullTwiceThenValue() {
    int n = nullCalls.incrementAndGet();
    return n < 3 ? null : "value#" + n;
  }

  @Backon("${test.policy-name:quick}")
  public void voidMethod() throws IOException {
    flaky.next();
  }

  private final AtomicInteger abortCalls = new AtomicInteger();

  @Backon(value = "quick", abortOn = IllegalStateException.class)
  public String aborts() {
    abortCalls.incrementAndGet();
    throw new IllegalStateException("do not retry");
  }

  public String notAnnotated() throws IOException {
    return flaky.next();
  }

  public Flaky flaky() {
    return flaky;
  }

  public List<Integer> attemptNumbers() {
    return attemptNumbers;
  }

  public AtomicInteger nullCalls() {
    return nullCalls;
  }

  public AtomicInteger abortCalls() {
    return abortCalls;
  }
}
