package io.backon.sample.downstream;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The app's {@link FlakyDownstream} (started and stopped with the context), and the {@link
 * DownstreamEndpoint} its clients use.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DownstreamProperties.class)
class DownstreamConfiguration {

  @Bean
  FlakyDownstream flakyDownstream(DownstreamProperties properties) {
    return properties.newDownstream();
  }

  @Bean
  FlakyDownstreamLifecycle flakyDownstreamLifecycle(FlakyDownstream flakyDownstream) {
    return new FlakyDownstreamLifecycle(flakyDownstream);
  }

  @Bean
  DownstreamEndpoint downstreamEndpoint(FlakyDownstream flakyDownstream) {
    return new DownstreamEndpoint(flakyDownstream);
  }
}
