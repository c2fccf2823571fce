package io.backon.spring.boot.autoconfigure.actuate;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last {@code capacity} events of one policy, breaker or budget: a fixed array written round
 * and round, so its memory never grows whatever the traffic. Lock-free: a write is one counter
 * increment and one array store. Thread-safe; a read racing writes may miss the newest events or
 * see one overwritten, never a half-written one.
 */
final class EventRing {

  private final AtomicReferenceArray<RecordedEvent> slots;
  private final AtomicLong written = new AtomicLong();

  EventRing(int capacity) {
    this.slots = new AtomicReferenceArray<>(capacity);
  }

  void add(RecordedEvent event) {
    long position = written.getAndIncrement();
    slots.set((int) (position % slots.length()), event);
  }

  /** Adds to {@code into} the retained events with an id above {@code since}, in no order. */
  void collect(long since, List<RecordedEvent> into) {
    for (int i = 0; i < slots.length(); i++) {
      RecordedEvent event = slots.get(i);
      if (event != null && event.id() > since) {
        into.add(event);
      }
    }
  }
}
