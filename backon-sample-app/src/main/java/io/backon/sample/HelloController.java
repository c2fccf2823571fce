package io.backon.sample;

import io.backon.RetryPolicy;
import io.backon.Retrying;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Answers {@code GET /hello} through a Backon {@link Retrying}. */
@RestController
class HelloController {

  private final Retrying retrying = Retrying.of(RetryPolicy.builder().maxTries(3).build());

  @GetMapping("/hello")
  Greeting hello() throws Exception {
    return retrying.call(() -> new Greeting("Hello from Backon"));
  }

  /** The JSON body of {@code /hello}. */
  record Greeting(String message) {}
}
