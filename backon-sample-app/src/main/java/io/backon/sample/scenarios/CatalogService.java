package io.backon.sample.scenarios;

import io.backon.Backon;
import io.backon.sample.client.CallTrace;
import io.backon.sample.client.DownstreamClient;
import io.backon.sample.client.DownstreamReply;
import org.springframework.stereotype.Service;

/**
 * A class-level default: every public method runs under {@code downstream-default}, without an
 * annotation of its own (a method-level {@code @Backon} would replace the class one for that
 * method). Thread-safe.
 */
@Service
@Backon("downstream-default")
public class CatalogService {

  private final DownstreamClient client;

  CatalogService(DownstreamClient client) {
    this.client = client;
  }

  /** Looks an item up. */
  public DownstreamReply item(String requestId, CallTrace trace) {
    return client.fetch("scenario=catalog-item", requestId, trace);
  }

  /** Looks a price up. */
  public DownstreamReply price(String requestId, CallTrace trace) {
    return client.fetch("scenario=catalog-price", requestId, trace);
  }
}
