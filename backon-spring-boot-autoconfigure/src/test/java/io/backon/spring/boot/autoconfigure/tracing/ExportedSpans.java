package io.backon.spring.boot.autoconfigure.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The spans Spring Boot's OpenTelemetry SDK exported to memory: its batch span processor is flushed
 * before each read, so every span ended before the read is there.
 */
final class ExportedSpans {

  private final InMemorySpanExporter exporter;
  private final SdkTracerProvider tracerProvider;

  ExportedSpans(InMemorySpanExporter exporter, SdkTracerProvider tracerProvider) {
    this.exporter = exporter;
    this.tracerProvider = tracerProvider;
  }

  /** Forgets the spans exported so far, such as those of an earlier test. */
  void reset() {
    all();
    exporter.reset();
  }

  /** Every span ended so far, in the order they ended. */
  List<SpanData> all() {
    assertThat(tracerProvider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    return exporter.getFinishedSpanItems();
  }

  /** The spans of this name, in the order they ended. */
  List<SpanData> named(String name) {
    return all().stream().filter(span -> span.getName().equals(name)).toList();
  }

  /** The one span of this name. */
  SpanData one(String name) {
    List<SpanData> spans = named(name);
    assertThat(spans).as("spans named %s", name).hasSize(1);
    return spans.get(0);
  }

  /** The spans whose parent is this span, in the order they ended. */
  List<SpanData> childrenOf(SpanData parent) {
    return all().stream()
        .filter(span -> span.getParentSpanId().equals(parent.getSpanId()))
        .filter(span -> span.getTraceId().equals(parent.getTraceId()))
        .toList();
  }

  /** A string attribute of a span, or null. */
  static String attribute(SpanData span, String key) {
    return span.getAttributes().get(AttributeKey.stringKey(key));
  }
}
