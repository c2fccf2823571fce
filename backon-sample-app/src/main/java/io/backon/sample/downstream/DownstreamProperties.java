package io.backon.sample.downstream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sample.downstream.*}: where the app's {@link FlakyDownstream} listens and how it behaves
 * at start, e.g. {@code sample.downstream.behaviour.failure-rate=0.3}.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one (tests). Default 8081
 * @param maxTrackedRequestIds request ids whose hits are counted; beyond it the oldest is
 *     forgotten. Default 10000
 * @param behaviour the initial behaviour (fields as in {@link BehaviourSettings}, kebab-case);
 *     unset fields take the {@link DownstreamBehaviour#HEALTHY} values
 */
@ConfigurationProperties("sample.downstream")
public record DownstreamProperties(
    @DefaultValue("8081") int port,
    @DefaultValue("10000") int maxTrackedRequestIds,
    @DefaultValue BehaviourSettings behaviour) {

  /** A stopped downstream configured from these properties. */
  public FlakyDownstream newDownstream() {
    return FlakyDownstream.builder()
        .port(port)
        .maxTrackedRequestIds(maxTrackedRequestIds)
        .behaviour(behaviour.applyTo(DownstreamBehaviour.HEALTHY))
        .build();
  }
}
