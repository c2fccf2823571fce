package io.backon.spring.boot.autoconfigure.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The spans Brave finished, as a Zipkin reporter receives them: Spring Boot adds every {@code
 * SpanHandler} bean to Brave's {@code Tracing}, which hands each sampled span to it when it ends,
 * on the thread that ended it. Thread-safe.
 */
final class FinishedSpans extends SpanHandler {

  private final List<MutableSpan> finished = new CopyOnWriteArrayList<>();

  @Override
  public boolean end(TraceContext context, MutableSpan span, Cause cause) {
    if (cause == Cause.FINISHED) {
      finished.add(new MutableSpan(span));
    }
    return true;
  }

  /** Forgets the spans finished so far, such as those of an earlier test. */
  void reset() {
    finished.clear();
  }

  /** Every span finished so far, in the order they finished. */
  List<MutableSpan> all() {
    return List.copyOf(finished);
  }

  /** The spans of this name, in the order they finished. */
  List<MutableSpan> named(String name) {
    return all().stream().filter(span -> name.equals(span.name())).toList();
  }

  /** The one span of this name. */
  MutableSpan one(String name) {
    List<MutableSpan> spans = named(name);
    assertThat(spans).as("spans named %s in %s", name, all()).hasSize(1);
    return spans.get(0);
  }

  /** The spans whose parent is this span, in the order they finished. */
  List<MutableSpan> childrenOf(MutableSpan parent) {
    return all().stream()
        .filter(span -> parent.id().equals(span.parentId()))
        .filter(span -> parent.traceId().equals(span.traceId()))
        .toList();
  }
}
