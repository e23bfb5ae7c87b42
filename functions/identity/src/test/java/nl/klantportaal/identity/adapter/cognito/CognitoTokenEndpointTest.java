package nl.klantportaal.identity.adapter.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.identity.port.IdentityProvider;
import nl.klantportaal.core.shared.domain.DomainException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP exchange with the pool domain's /oauth2/token, against a server on 127.0.0.1 that answers as Cognito does. */
class CognitoTokenEndpointTest {
  private HttpServer server;
  private final List<String> requests = new ArrayList<>();
  private int status = 200;
  private String answer = "{\"id_token\":\"id.t.s\",\"access_token\":\"a.t.s\",\"refresh_token\":\"r\",\"expires_in\":900,"
      + "\"token_type\":\"Bearer\"}";
  private CognitoTokenEndpoint endpoint;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n"
          + exchange.getRequestHeaders().getFirst("Authorization") + "\n"
          + exchange.getRequestHeaders().getFirst("Content-Type") + "\n"
          + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] body = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    endpoint = new CognitoTokenEndpoint(CognitoTokenEndpoint.defaultClient(),
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "client id", "s3cr3t+/=");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void theCodeAndVerifierGoWithTheClientsSecretAndTheTokensComeBack() {
    var tokens = endpoint.exchange("code-1", "v".repeat(43), "https://portal.example.test/");

    assertEquals(new IdentityProvider.Tokens("id.t.s", "a.t.s", Optional.of("r"), 900), tokens);
    String basic = Base64.getEncoder().encodeToString("client+id:s3cr3t%2B%2F%3D".getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("POST /oauth2/token\nBasic " + basic + "\napplication/x-www-form-urlencoded\n"
        + "grant_type=authorization_code&client_id=client+id&code=code-1"
        + "&redirect_uri=https%3A%2F%2Fportal.example.test%2F&code_verifier=" + "v".repeat(43)), requests);
  }

  @Test
  void aCodeCognitoRefusesIsInvalidCode() {
    status = 400;
    answer = "{\"error\":\"invalid_grant\"}";
    var refused = assertThrows(DomainException.Refused.class,
        () -> endpoint.exchange("spent", "v".repeat(43), "https://portal.example.test/"));
    assertEquals(DomainException.Refused.Reason.INVALID_CODE, refused.reason());
  }

  @Test
  void throttlingIsLimitExceededAndASetUpFaultIsAnError() {
    status = 429;
    answer = "";
    assertEquals(DomainException.Refused.Reason.LIMIT_EXCEEDED, assertThrows(DomainException.Refused.class,
        () -> endpoint.exchange("c", "v".repeat(43), "https://portal.example.test/")).reason());
    status = 400;
    answer = "{\"error\":\"invalid_client\"}";
    var fault = assertThrows(IllegalStateException.class,
        () -> endpoint.exchange("c", "v".repeat(43), "https://portal.example.test/"));
    assertTrue(fault.getMessage().contains("invalid_client"), fault.getMessage());
  }

  @Test
  void aServerErrorOrNoAnswerIsAnOutage() throws IOException {
    status = 503;
    answer = "<html>Service Unavailable</html>";
    var outage = assertThrows(nl.klantportaal.core.api.ServiceUnavailable.class,
        () -> endpoint.exchange("c", "v".repeat(43), "https://portal.example.test/"));
    assertEquals("Cognito's token endpoint", outage.service());
    int closed;
    try (var socket = new java.net.ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    var unreachable = new CognitoTokenEndpoint(CognitoTokenEndpoint.defaultClient(), URI.create("http://127.0.0.1:" + closed + "/"),
        "client id", "secret");
    assertThrows(nl.klantportaal.core.api.ServiceUnavailable.class,
        () -> unreachable.exchange("c", "v".repeat(43), "https://portal.example.test/"), "no answer at all");
  }
}
