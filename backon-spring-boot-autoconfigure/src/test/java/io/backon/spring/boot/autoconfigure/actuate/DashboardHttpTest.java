package io.backon.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.ObjectMapper;

/**
 * The dashboard of {@code backon.dashboard.enabled=true} over HTTP, under a moved Actuator base
 * path: the page, its script and style sheet with their content types, each address relative so
 * that the page polls the endpoint wherever the base path puts it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = DashboardHttpTest.App.class,
    properties = {
      "management.endpoints.web.exposure.include=backon",
      "management.endpoints.web.base-path=/manage",
      "backon.dashboard.enabled=true"
    })
class DashboardHttpTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @Test
  void thePageIsHtmlUnderTheActuatorBasePath() throws Exception {
    HttpResponse<String> page = get("/manage/backon/dashboard", "text/html,*/*;q=0.8");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
    assertThat(page.body())
        .contains("<title>Backon</title>")
        .contains("<script src=\"dashboard/dashboard.js\"></script>")
        .contains("<link rel=\"stylesheet\" href=\"dashboard/dashboard.css\">");
  }

  @Test
  void itsScriptAndStyleSheetAreServedBesideIt() throws Exception {
    HttpResponse<String> script = get("/manage/backon/dashboard/dashboard.js", "*/*");
    HttpResponse<String> style =
        get("/manage/backon/dashboard/dashboard.css", "text/css,*/*;q=0.1");

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValue("text/javascript;charset=UTF-8");
    assertThat(style.statusCode()).isEqualTo(200);
    assertThat(style.headers().firstValue("Content-Type")).hasValue("text/css;charset=UTF-8");
  }

  @Test
  void thePageNamesNoAbsoluteAddressAndNoOtherHost() throws Exception {
    String page = get("/manage/backon/dashboard", "text/html").body();
    String script = get("/manage/backon/dashboard/dashboard.js", "*/*").body();
    String style = get("/manage/backon/dashboard/dashboard.css", "*/*").body();

    assertThat(script)
        .contains("new URL('../backon', window.location.href)")
        .contains("new URL('events', window.location.href)");
    for (String file : new String[] {page, script, style}) {
      assertThat(file)
          .doesNotContain("/actuator")
          .doesNotContain("http://")
          .doesNotContain("https://")
          .doesNotContain("//cdn");
    }
  }

  @Test
  void anotherFileIsA404WithAMessage() throws Exception {
    HttpResponse<String> response = get("/manage/backon/dashboard/app.js", "*/*");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(new ObjectMapper().readTree(response.body()).at("/message").asString())
        .startsWith("no kind 'dashboard' here");
  }

  private HttpResponse<String> get(String path, String accept)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", accept)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
