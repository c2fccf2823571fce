package io.backon.benchmarks.boot;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;

/**
 * The tracing variant's exporter: Boot's {@code BatchSpanProcessor} hands it every finished span,
 * and it counts and drops them, so the spans cost what they cost up to the network and memory stays
 * flat. Thread-safe.
 */
public final class DiscardingSpanExporter implements SpanExporter {

  private final LongAdder exported = new LongAdder();

  /** Counts the batch and drops it. */
  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    exported.add(spans.size());
    return CompletableResultCode.ofSuccess();
  }

  /** Nothing is buffered here. */
  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  /** Nothing to release. */
  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }

  /** The spans exported so far. */
  public long exported() {
    return exported.sum();
  }
}
