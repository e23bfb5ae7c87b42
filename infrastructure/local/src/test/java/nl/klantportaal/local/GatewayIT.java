package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import nl.klantportaal.local.testhandlers.Recorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway of the test template: routes, JWT authorizer against cognito-local, payload 2.0, CORS, portal. */
class GatewayIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path state;
  private static LocalCloud cloud;
  private static GatewayClient gateway;
  private static String idToken;

  @BeforeAll
  static void start() {
    cloud = LocalCloud.start(TestClouds.testTemplate(state));
    gateway = GatewayClient.of(cloud);
    idToken = TestClouds.signUpAndSignIn(cloud, "ada@example.test");
  }

  @AfterAll
  static void stop() {
    if (cloud != null) {
      cloud.close();
    }
  }

  /** A bare GET with only the given headers (name, value, …). */
  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = gateway.to(path);
    if (headers.length > 0) {
      request.headers(headers);
    }
    return gateway.send(request);
  }

  @Test
  void aMalformedEscapeInTheQueryReachesTheFunctionAsSent() throws Exception {
    var answer = gateway.raw("GET /health?cursor=%ZZ%&ok=a%20b HTTP/1.1");
    assertEquals(200, answer.status(), answer.body());
    JsonNode seen = JSON.readTree(answer.body());
    assertEquals("cursor=%ZZ%&ok=a%20b", seen.path("rawQueryString").asText());
    assertEquals("%ZZ%", seen.path("queryStringParameters").path("cursor").asText());
    assertEquals("a b", seen.path("queryStringParameters").path("ok").asText());
  }

  @Test
  void aPathNoRouteOrFileHasIsApiGatewaysJsonNotFound() throws Exception {
    for (String path : List.of("//nothing-here", "/nothing-here")) {
      var answer = gateway.raw("GET " + path + " HTTP/1.1");
      assertEquals(404, answer.status(), path + ": " + answer.body());
      assertEquals("application/json", answer.contentType(), path);
      assertEquals("Not Found", JSON.readTree(answer.body()).path("message").asText(), path);
    }
  }

  @Test
  void aRequestTheServerCannotReadIsAnsweredInProblemJson() throws Exception {
    for (var answer : List.of(gateway.raw("GET /health HTTP/1.1", "Bad Header Without Colon"),
        gateway.raw("GET /%ZZ HTTP/1.1"), gateway.raw("GET /a/../../etc/passwd HTTP/1.1"))) {
      assertEquals(400, answer.status(), answer.body());
      assertEquals("application/problem+json", answer.contentType(), answer.body());
      assertEquals(400, JSON.readTree(answer.body()).path("status").asInt());
    }
  }

  @Test
  void healthIsServedWithoutTokenAsPayloadTwoEvent() throws Exception {
    HttpResponse<String> response = get("/health?b=1&b=2&c=x%20y", "Cookie", "a=1; b=2", "X-Custom", "Yes");

    assertEquals(200, response.statusCode());
    JsonNode seen = JSON.readTree(response.body());
    assertEquals("GET /health", seen.path("routeKey").asText());
    assertEquals("b=1&b=2&c=x%20y", seen.path("rawQueryString").asText());
    assertEquals("1,2", seen.path("queryStringParameters").path("b").asText());
    assertEquals("x y", seen.path("queryStringParameters").path("c").asText());
    assertEquals("Yes", seen.path("headers").path("x-custom").asText());
    assertEquals(List.of("a=1", "b=2"), JSON.convertValue(seen.path("cookies"), List.class));
    assertEquals("$default", seen.path("stage").asText());
    assertEquals("EchoFunction", seen.path("functionName").asText());
    assertTrue(seen.path("remainingMs").asInt() > 0);
    assertEquals(List.of("a", "b"), response.headers().allValues("x-multi"));
    assertTrue(seen.path("headers").path("cookie").isMissingNode(), "the Cookie header is in cookies[] only, as API Gateway sends it");
    assertEquals(List.of("seen=yes; Path=/", "kp_session=x.y; Max-Age=60; Path=/auth; Secure; HttpOnly; SameSite=Strict"),
        response.headers().allValues("set-cookie"), "each entry of cookies a Set-Cookie header of its own, unchanged");
  }

  @Test
  void functionGetsTemplateEnvironmentWithLocalValues() throws Exception {
    JsonNode env = JSON.readTree(get("/health").body()).path("env");

    assertEquals("TestTable", env.path("TABLE_NAME").asText());
    assertEquals("hello-test", env.path("GREETING").asText());
    assertEquals("local-filesbucket", env.path("FILES_BUCKET").asText());
    assertEquals(cloud.names().ref("UserPool"), env.path("USER_POOL_ID").asText());
    assertEquals(cloud.endpoints().dynamoDb().toString(), env.path("AWS_ENDPOINT_URL_DYNAMODB").asText());
    assertEquals(cloud.endpoints().cognito().toString(), env.path("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER").asText());
    assertEquals(32, Base64.getDecoder().decode(env.path("CURSOR_KEY").asText()).length);
    assertEquals("eu-west-1", env.path("AWS_REGION").asText());
  }

  @Test
  void protectedRouteWithIdTokenFromCognitoLocalReachesHandlerWithClaims() throws Exception {
    HttpResponse<String> response = get("/things/th%2042", "Authorization", "Bearer " + idToken);

    assertEquals(200, response.statusCode());
    JsonNode seen = JSON.readTree(response.body());
    assertEquals("GET /things/{thingId}", seen.path("routeKey").asText());
    assertEquals("th 42", seen.path("pathParameters").path("thingId").asText());
    assertEquals("ada@example.test", seen.path("claims").path("email").asText());
    assertEquals("tenant-1", seen.path("claims").path("kp_tenant").asText(), "added by the PreTokenGeneration trigger");
    assertEquals("id", seen.path("claims").path("token_use").asText());
    assertTrue(seen.path("claims").path("exp").asText().matches("\\d+"), "numbers arrive as strings");
  }

  @Test
  void protectedRouteWithoutTokenIs401() throws Exception {
    HttpResponse<String> response = get("/things/1");

    assertEquals(401, response.statusCode());
    assertEquals("{\"message\":\"Unauthorized\"}", response.body());
  }

  @Test
  void protectedRouteWithForgedTokenIs401() throws Exception {
    SignedJWT genuine = SignedJWT.parse(idToken);
    RSAKey forger = new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
    SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(forger.getKeyID()).build(),
        genuine.getJWTClaimsSet());
    forged.sign(new RSASSASigner(forger));

    assertEquals(401, get("/things/1", "Authorization", "Bearer " + forged.serialize()).statusCode());
  }

  @Test
  void accessTokenIsNotAcceptedWhereIdTokenIsExpected() throws Exception {
    String accessToken = TestClouds.signIn(cloud, "ada@example.test").accessToken();
    assertEquals(401, get("/things/1", "Authorization", "Bearer " + accessToken).statusCode());
  }

  @Test
  void binaryBodyArrivesBase64EncodedAndTextBodyAsIs() throws Exception {
    byte[] binary = {0, 1, 2, (byte) 0xff};
    HttpResponse<String> binaryResponse = gateway.send(gateway.to("/upload")
        .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(binary)));
    HttpResponse<String> textResponse = gateway.send(gateway.to("/upload")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")));

    JsonNode seenBinary = JSON.readTree(binaryResponse.body());
    assertTrue(seenBinary.path("isBase64Encoded").asBoolean());
    assertEquals(Base64.getEncoder().encodeToString(binary), seenBinary.path("body").asText());
    JsonNode seenText = JSON.readTree(textResponse.body());
    assertFalse(seenText.path("isBase64Encoded").asBoolean());
    assertEquals("{\"a\":1}", seenText.path("body").asText());
  }

  @Test
  void greedyPathMatchesAnyMethodAndDepth() throws Exception {
    Recorder.clear("echo");
    HttpResponse<String> response = gateway.send(gateway.to("/files/a/b/c.txt").DELETE());

    assertEquals(200, response.statusCode());
    APIGatewayV2HTTPEvent event = Recorder.next("echo", APIGatewayV2HTTPEvent.class);
    assertEquals("ANY /files/{proxy+}", event.getRouteKey());
    assertEquals("a/b/c.txt", event.getPathParameters().get("proxy"));
    assertEquals("DELETE", event.getRequestContext().getHttp().getMethod());
  }

  @Test
  void corsPreflightFromDeclaredOriginIsAnswered() throws Exception {
    HttpResponse<String> allowed = gateway.send(gateway.to("/things/1").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://portal.example.test").header("Access-Control-Request-Method", "GET"));
    HttpResponse<String> simple = get("/health", "Origin", "https://portal.example.test");
    HttpResponse<String> other = get("/health", "Origin", "https://evil.example.test");

    assertEquals(204, allowed.statusCode());
    assertEquals("https://portal.example.test", allowed.headers().firstValue("access-control-allow-origin").orElseThrow());
    assertEquals("600", allowed.headers().firstValue("access-control-max-age").orElseThrow());
    assertEquals("etag", simple.headers().firstValue("access-control-expose-headers").orElseThrow());
    assertTrue(other.headers().firstValue("access-control-allow-origin").isEmpty());
  }

  @Test
  void portalIsServedAtRootAndUnknownPathsAre404() throws Exception {
    HttpResponse<String> index = get("/");

    assertEquals(200, index.statusCode());
    assertTrue(index.body().contains("Test portal"));
    assertEquals(404, get("/nothing-here").statusCode());
  }
}
