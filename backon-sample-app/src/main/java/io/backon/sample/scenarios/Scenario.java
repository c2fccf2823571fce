package io.backon.sample.scenarios;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.backon.sample.client.CallTrace;
import io.backon.sample.client.DownstreamReply;
import java.util.concurrent.CompletionStage;

/**
 * One scenario of {@code GET /scenarios/{name}}: a {@code @Backon} method and the policy it runs
 * under. Listed as JSON by {@code GET /scenarios}. Immutable.
 *
 * @param name the name in the URL, e.g. {@code retry}
 * @param policy the Backon policy of the method
 * @param description what it shows
 * @param call starts the call; not part of the JSON
 */
public record Scenario(String name, String policy, String description, @JsonIgnore Call call) {

  /** Starts one call of a scenario's method. */
  @FunctionalInterface
  public interface Call {

    /**
     * Calls the method: a blocking one returns a completed stage (or throws), an asynchronous one
     * its future.
     *
     * @param requestId the {@code X-Request-Id} of every attempt
     * @param trace records the attempts the client saw
     */
    CompletionStage<DownstreamReply> start(String requestId, CallTrace trace);
  }
}
