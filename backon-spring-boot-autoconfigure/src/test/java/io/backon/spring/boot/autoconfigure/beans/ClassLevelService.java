package io.backon.spring.boot.autoconfigure.beans;

import io.backon.Backon;
import java.io.IOException;

/** A class-level @Backon: every public method retries; a method-level annotation wins. */
@Backon("quick")
public class ClassLevelService {

  private final Flaky flaky = new Flaky();

  public String first() throws IOException {
    return flaky.next();
  }

  public String second() throws IOException {
    return flaky.next();
  }

  @Backon(value = "quick", maxTries = 1)
  public String once() throws IOException {
    return flaky.next();
  }

  public Flaky flaky() {
    return flaky;
  }
}
