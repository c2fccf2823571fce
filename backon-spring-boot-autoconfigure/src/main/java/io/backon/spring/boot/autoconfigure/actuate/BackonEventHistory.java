package io.backon.spring.boot.autoconfigure.actuate;

import io.backon.EventType;
import io.backon.GiveUpReason;
import io.backon.RetryEvent;
import io.backon.RetryListener;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitStateTransition;
import io.backon.budget.RetryBudget;
import io.backon.hedge.HedgeListener;
import io.backon.hedge.HedgeOutcome;
import io.backon.hedge.HedgingPolicy;
import io.backon.spring.boot.autoconfigure.BackonPolicyDecorator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The recent events of every policy, circuit breaker and retry budget, for {@code
 * /actuator/backon/events}: retries, give-ups, hedged attempts not won by their first copy, breaker
 * transitions and budget refusals. Each policy, breaker and budget keeps its last {@code capacity}
 * events in a fixed ring ({@code backon.events.capacity}, default {@value #DEFAULT_CAPACITY}), so
 * memory is bounded whatever the traffic. Every event has a history-wide id, from 1, for polling
 * with a {@code since} cursor.
 *
 * <p>It listens only through public APIs: as a {@link BackonPolicyDecorator} it adds an {@code
 * onBackoff} and an {@code onGiveUp} listener to each policy and wraps its hedge listener, and it
 * adds a state listener to each breaker it {@linkplain #watch watches}. Nothing is recorded on the
 * success path: those hooks run only after a failed attempt, and a hedged attempt won by its first
 * copy is not recorded. Decorating a policy twice adds nothing. Thread-safe and lock-free.
 */
public final class BackonEventHistory implements BackonPolicyDecorator {

  /**
   * Events kept per policy, breaker and budget unless {@code backon.events.capacity} says
   * otherwise.
   */
  public static final int DEFAULT_CAPACITY = 100;

  private final int capacity;
  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong();

  /** The most events kept per policy, breaker and budget: each source's ring is that long. */
  public static final int MAX_CAPACITY = 10_000;

  private final Map<String, EventRing> policies = new ConcurrentHashMap<>();
  private final Map<String, EventRing> breakers = new ConcurrentHashMap<>();
  private final Map<String, EventRing> budgets = new ConcurrentHashMap<>();
  private final Set<CircuitBreaker> watched = ConcurrentHashMap.newKeySet();

  /**
   * @param capacity events kept per policy, breaker and budget, from 1 to {@value #MAX_CAPACITY}
   * @param clock the time of each event
   */
  public BackonEventHistory(int capacity, Clock clock) {
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "backon.events.capacity must be >= 1 and <= " + MAX_CAPACITY + " but was " + capacity);
    }
    this.capacity = capacity;
    this.clock = clock;
  }

  /** Events kept per policy, breaker and budget. */
  public int capacity() {
    return capacity;
  }

  /**
   * {@code policy} with the history's listeners: {@code onBackoff} records a retry, {@code
   * onGiveUp} a give-up (and a budget refusal when the budget refused the retry), the hedge
   * listener a hedged attempt that its first copy did not win; its breaker is {@linkplain #watch
   * watched}. A policy that already has them is returned as it is.
   */
  @Override
  public RetryPolicy decorate(RetryPolicy policy) {
    CircuitBreaker breaker = policy.circuitBreaker();
    if (breaker != null) {
      watch(breaker);
    }
    if (policy.listeners(EventType.GIVE_UP).stream().anyMatch(this::isOwn)) {
      return policy;
    }
    String name = policy.name();
    EventRing ring = policies.computeIfAbsent(name, n -> new EventRing(capacity));
    RetryBudget budget = policy.retryBudget();
    EventRing budgetRing =
        budget == null
            ? null
            : budgets.computeIfAbsent(budget.name(), n -> new EventRing(capacity));
    RetryPolicyBuilder builder =
        policy.toBuilder()
            .onBackoff(new RetryRecorder(ring, name))
            .onGiveUp(
                new GiveUpRecorder(ring, name, budgetRing, budget == null ? null : budget.name()));
    HedgingPolicy hedging = policy.hedging();
    if (hedging != null) {
      builder.hedging(
          hedging.toBuilder().onHedge(new HedgeRecorder(ring, name, hedging.onHedge())).build());
    }
    return builder.build();
  }

  /** Records the state changes of {@code breaker} from now on; watching it again adds nothing. */
  public void watch(CircuitBreaker breaker) {
    if (watched.add(breaker)) {
      EventRing ring = breakers.computeIfAbsent(breaker.name(), n -> new EventRing(capacity));
      breaker.onStateChange(new TransitionRecorder(ring));
    }
  }

  /**
   * The retained events with an id above {@code since}, oldest first.
   *
   * @param name only those of the policy, breaker or budget of this name; {@code null} for all
   * @param kind only those of this kind; {@code null} for all
   */
  List<RecordedEvent> events(@Nullable String name, @Nullable EventKind kind, long since) {
    List<RecordedEvent> events = new ArrayList<>();
    collect(policies, name, since, events);
    collect(breakers, name, since, events);
    collect(budgets, name, since, events);
    if (kind != null) {
      events.removeIf(event -> event.kind() != kind);
    }
    events.sort(Comparator.comparingLong(RecordedEvent::id));
    return events;
  }

  /** The id of the newest event, 0 before the first: the {@code since} of the next poll. */
  long latest() {
    return sequence.get();
  }

  /** The names of the policies, breakers and budgets that have a ring. */
  Set<String> names() {
    Set<String> names = new TreeSet<>(policies.keySet());
    names.addAll(breakers.keySet());
    names.addAll(budgets.keySet());
    return names;
  }

  private static void collect(
      Map<String, EventRing> rings, @Nullable String name, long since, List<RecordedEvent> into) {
    if (name == null) {
      rings.values().forEach(ring -> ring.collect(since, into));
    } else {
      EventRing ring = rings.get(name);
      if (ring != null) {
        ring.collect(since, into);
      }
    }
  }

  private boolean isOwn(RetryListener listener) {
    return listener instanceof GiveUpRecorder recorder && recorder.history() == this;
  }

  private long nextId() {
    return sequence.incrementAndGet();
  }

  private static @Nullable Class<?> classOf(@Nullable Throwable failure) {
    return failure == null ? null : failure.getClass();
  }

  /** Records each retry of one policy. */
  private final class RetryRecorder implements RetryListener {

    private final EventRing ring;
    private final String name;

    RetryRecorder(EventRing ring, String name) {
      this.ring = ring;
      this.name = name;
    }

    @Override
    public void onEvent(RetryEvent event) {
      ring.add(
          new RecordedEvent(
              nextId(),
              clock.millis(),
              EventKind.RETRY,
              name,
              event.attemptNumber(),
              event.waitDuration().toNanos(),
              classOf(event.failure()),
              null,
              null,
              null,
              null,
              null,
              null));
    }
  }

  /** Records each give-up of one policy, and each refusal of its budget. */
  private final class GiveUpRecorder implements RetryListener {

    private final EventRing ring;
    private final String name;
    private final @Nullable EventRing budgetRing;
    private final @Nullable String budgetName;

    GiveUpRecorder(
        EventRing ring, String name, @Nullable EventRing budgetRing, @Nullable String budgetName) {
      this.ring = ring;
      this.name = name;
      this.budgetRing = budgetRing;
      this.budgetName = budgetName;
    }

    BackonEventHistory history() {
      return BackonEventHistory.this;
    }

    @Override
    public void onEvent(RetryEvent event) {
      GiveUpReason reason = event.giveUpReason();
      String description = event.giveUpDescription();
      String reasonText =
          reason == null || reason.description().equals(description) ? null : description;
      Class<?> exception = classOf(event.failure());
      long millis = clock.millis();
      ring.add(
          new RecordedEvent(
              nextId(),
              millis,
              EventKind.GIVE_UP,
              name,
              event.attemptNumber(),
              -1,
              exception,
              reason,
              reasonText,
              null,
              null,
              null,
              null));
      EventRing budget = budgetRing;
      String budgetName = this.budgetName;
      if (reason == GiveUpReason.BUDGET_EXHAUSTED && budget != null && budgetName != null) {
        budget.add(
            new RecordedEvent(
                nextId(),
                millis,
                EventKind.BUDGET_REFUSAL,
                budgetName,
                event.attemptNumber(),
                -1,
                exception,
                reason,
                reasonText,
                null,
                null,
                null,
                name));
      }
    }
  }

  /** Records each hedged attempt of one policy that its first copy did not win. */
  private final class HedgeRecorder implements HedgeListener {

    private final EventRing ring;
    private final String name;
    private final @Nullable HedgeListener delegate;

    HedgeRecorder(EventRing ring, String name, @Nullable HedgeListener delegate) {
      this.ring = ring;
      this.name = name;
      this.delegate = delegate;
    }

    @Override
    public void onHedge(int hedgeNumber) {
      HedgeListener listener = delegate;
      if (listener != null) {
        listener.onHedge(hedgeNumber);
      }
    }

    @Override
    public void onOutcome(HedgeOutcome outcome) {
      if (outcome != HedgeOutcome.PRIMARY_WON) {
        ring.add(
            new RecordedEvent(
                nextId(),
                clock.millis(),
                EventKind.HEDGE,
                name,
                0,
                -1,
                null,
                null,
                null,
                outcome,
                null,
                null,
                null));
      }
      HedgeListener listener = delegate;
      if (listener != null) {
        listener.onOutcome(outcome);
      }
    }
  }

  /** Records each state change of one breaker. */
  private final class TransitionRecorder implements Consumer<CircuitStateTransition> {

    private final EventRing ring;

    TransitionRecorder(EventRing ring) {
      this.ring = ring;
    }

    @Override
    public void accept(CircuitStateTransition transition) {
      ring.add(
          new RecordedEvent(
              nextId(),
              transition.at().toEpochMilli(),
              EventKind.TRANSITION,
              transition.breakerName(),
              0,
              -1,
              null,
              null,
              null,
              null,
              transition.from(),
              transition.to(),
              null));
    }
  }
}
