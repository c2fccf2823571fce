package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which client's rules apply to a request: the client it names, else the first client whose host
 * patterns match, else the defaults; and what each pattern form matches.
 */
class HttpRulesResolverTest {

  private static HttpRulesResolver resolver() {
    HttpProperties properties = new HttpProperties();
    properties.getClients().put("payments", client(List.of("payments.example.com:8443")));
    properties.getClients().put("internal", client(List.of("*.internal.example.com", "localhost")));
    properties.getClients().put("catch-all", client(List.of("*:9000")));
    return HttpRulesResolver.of(properties, name -> true);
  }

  private static HttpClientProperties client(List<String> hosts) {
    HttpClientProperties client = new HttpClientProperties();
    client.setHosts(hosts);
    return client;
  }

  private static String rulesFor(String uri) {
    return resolver().resolve(null, HostAddress.of(URI.create(uri))).name();
  }

  @Test
  void aHostAndPortPatternNeedsBoth() {
    assertThat(rulesFor("https://payments.example.com:8443/charges")).isEqualTo("payments");
    assertThat(rulesFor("https://payments.example.com/charges")).isEqualTo("defaults");
  }

  @Test
  void aWildcardMatchesSubdomainsNotTheDomainItself() {
    assertThat(rulesFor("http://db.internal.example.com/x")).isEqualTo("internal");
    assertThat(rulesFor("http://a.b.internal.example.com/x")).isEqualTo("internal");
    assertThat(rulesFor("http://internal.example.com/x")).isEqualTo("defaults");
  }

  @Test
  void hostsCompareWithoutCaseOnAnyPortUnlessOneIsGiven() {
    assertThat(rulesFor("http://LOCALHOST:1234/")).isEqualTo("internal");
    assertThat(rulesFor("http://anything.example.org:9000/")).isEqualTo("catch-all");
  }

  @Test
  void theFirstMatchingClientInOrderWins() {
    assertThat(rulesFor("http://localhost:9000/")).isEqualTo("internal");
  }

  @Test
  void addressesMatchAsTheRequestWritesThem() {
    HttpProperties properties = new HttpProperties();
    properties.getClients().put("v4", client(List.of("10.0.0.7")));
    properties.getClients().put("v6", client(List.of("[::1]:8080")));
    properties.getClients().put("underscored", client(List.of("*.svc_internal")));
    HttpRulesResolver resolver = HttpRulesResolver.of(properties, name -> true);

    assertThat(resolver.resolve(null, HostAddress.of(URI.create("http://10.0.0.7:81/"))).name())
        .isEqualTo("v4");
    assertThat(resolver.resolve(null, HostAddress.of(URI.create("http://[::1]:8080/"))).name())
        .isEqualTo("v6");
    assertThat(resolver.resolve(null, new HostAddress("db.svc_internal", 5432)).name())
        .isEqualTo("underscored");
  }

  @Test
  void aRequestNamingAClientGetsItsRulesWhateverItsHost() {
    HttpRulesResolver resolver = resolver();
    HostAddress elsewhere = HostAddress.of(URI.create("http://elsewhere.example.org/"));

    assertThat(resolver.resolve("payments", elsewhere).name()).isEqualTo("payments");
    assertThat(resolver.resolve("unknown", elsewhere).name()).isEqualTo("defaults");
  }

  @Test
  void theDefaultPortsComeFromTheScheme() {
    assertThat(HostAddress.of(URI.create("https://api.example.com/a?b=c")))
        .hasToString("api.example.com:443");
    assertThat(HostAddress.of(URI.create("http://api.example.com")))
        .hasToString("api.example.com:80");
  }
}
