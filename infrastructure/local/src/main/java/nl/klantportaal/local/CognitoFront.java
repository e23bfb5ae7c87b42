package nl.klantportaal.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Cognito endpoint of the local cloud: a thin HTTP front before cognito-local that answers the
 * two operations cognito-local 5.3.0 lacks and the portal calls, and forwards everything else
 * (every other {@code X-Amz-Target}, the JWKS and discovery documents) unchanged.
 *
 * <ul>
 *   <li>{@code AdminUserGlobalSignOut}: revokes every refresh token cognito-local stored for the
 *       user (through cognito-local's own {@code RevokeToken}, so a later refresh is refused there)
 *       and records the moment: access tokens issued before it (those this front saw issued, and
 *       any older by their issue time) are refused on the operations that take one ({@code NotAuthorizedException: Access Token has been revoked}),
 *       as Cognito does.</li>
 *   <li>{@code AdminSetUserMFAPreference}: performs cognito-local's own {@code SetUserMFAPreference}
 *       for the user, with an access token signed by cognito-local's published development key
 *       (the one it signs every local token with), so cognito-local updates its stored user itself.</li>
 * </ul>
 *
 * <p>One answer is corrected on the way: {@code AdminUpdateUserAttributes} for an unknown user is
 * {@code UserNotFoundException} (cognito-local says {@code NotAuthorizedException}).
 *
 * <p>cognito-local's state file is only read (to find a user's refresh tokens and the pool's app
 * clients); it is never written here.
 */
public final class CognitoFront implements AutoCloseable {

  /** The operations this front answers itself: cognito-local's gaps that the portal needs. */
  public static final Set<String> ANSWERED = Set.of("AdminUserGlobalSignOut", "AdminSetUserMFAPreference");

  private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
  private static final String AMZ_JSON = "application/x-amz-json-1.1";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(16);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI upstream;
  private final Path cognitoDb;
  private final Path signOutsFile;
  private final RSAKey signingKey;
  private final URI publicEndpoint;
  private final Properties signOuts = new Properties();
  /** Access tokens issued through this front, per user (sub): revoked at a global sign-out even within its second. */
  private final Map<String, Set<String>> issuedAccessTokens = new java.util.concurrent.ConcurrentHashMap<>();
  private final Set<String> revokedAccessTokens = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private static final Set<String> SIGN_IN_OPERATIONS = Set.of("InitiateAuth", "RespondToAuthChallenge",
      "AdminInitiateAuth", "AdminRespondToAuthChallenge");

  private CognitoFront(HttpServer server, URI upstream, Path cognitoDb, Path signOutsFile, RSAKey signingKey) {
    this.server = server;
    this.upstream = upstream;
    this.cognitoDb = cognitoDb;
    this.signOutsFile = signOutsFile;
    this.signingKey = signingKey;
    this.publicEndpoint = URI.create("http://" + Ports.HOST + ":" + server.getAddress().getPort());
    if (Files.isRegularFile(signOutsFile)) {
      try (Reader reader = Files.newBufferedReader(signOutsFile)) {
        signOuts.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + signOutsFile, e);
      }
    }
  }

  /**
   * Listens on {@code port} before cognito-local at {@code upstream}. {@code cognitoWorkDir} is
   * cognito-local's working folder; {@code privateKey} its {@code lib/keys/cognitoLocal.private.json}.
   */
  public static CognitoFront start(int port, URI upstream, Path cognitoWorkDir, Path privateKey) {
    RSAKey key;
    try {
      key = RSAKey.parse(AwsJsonApi.JSON.readTree(privateKey.toFile()).path("jwk").toString());
    } catch (IOException | ParseException e) {
      throw new StartFailure("Cannot read cognito-local's signing key " + privateKey + ": " + e.getMessage(), e);
    }
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(Ports.HOST, port), 64);
      CognitoFront front = new CognitoFront(server, upstream, cognitoWorkDir.resolve(".cognito/db"),
          cognitoWorkDir.resolve("global-sign-outs.properties"), key);
      server.createContext("/", front::handle);
      server.setExecutor(front.executor);
      server.start();
      return front;
    } catch (IOException e) {
      throw new StartFailure("The Cognito endpoint cannot listen on port " + port + ": " + e.getMessage(), e);
    }
  }

  public URI endpoint() {
    return publicEndpoint;
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    String target = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target")).orElse("");
    String operation = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : "";
    try {
      if (exchange.getRequestMethod().equals("POST") && ANSWERED.contains(operation)) {
        JsonNode request = AwsJsonApi.JSON.readTree(body);
        if (operation.equals("AdminUserGlobalSignOut")) {
          globalSignOut(request);
        } else {
          setMfaPreference(request);
        }
        send(exchange, 200, AMZ_JSON, "{}".getBytes(StandardCharsets.UTF_8));
        System.out.println("COGNITO " + operation + " answered by the local front");
        return;
      }
      if (operation.equals("AdminUpdateUserAttributes")) {
        // cognito-local answers NotAuthorizedException for an unknown user; Cognito UserNotFoundException.
        JsonNode request = AwsJsonApi.JSON.readTree(body);
        adminGetUser(required(request, "UserPoolId"), required(request, "Username"));
      }
      if (exchange.getRequestMethod().equals("POST") && body.length > 0 && revokedAccessToken(body)) {
        sendError(exchange, 400, "NotAuthorizedException", "Access Token has been revoked");
        return;
      }
      forward(exchange, body, SIGN_IN_OPERATIONS.contains(operation));
    } catch (CognitoError e) {
      sendError(exchange, e.status, e.type, e.getMessage());
    } catch (RuntimeException e) {
      System.out.println("Cognito front error on " + target + ":");
      e.printStackTrace(System.out);
      sendError(exchange, 500, "InternalErrorException", "The local Cognito front failed: " + e.getMessage());
    }
  }

  // --- AdminUserGlobalSignOut ---------------------------------------------------------------------

  private void globalSignOut(JsonNode request) {
    String poolId = required(request, "UserPoolId");
    JsonNode user = adminGetUser(poolId, required(request, "Username"));
    String sub = sub(user);
    Instant now = Instant.now();
    synchronized (signOuts) {
      signOuts.setProperty(sub, Long.toString(now.getEpochSecond()));
      try (Writer writer = Files.newBufferedWriter(signOutsFile)) {
        signOuts.store(writer, "AdminUserGlobalSignOut per user (sub = epoch second), kept by the local Cognito front");
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write " + signOutsFile, e);
      }
    }
    revokedAccessTokens.addAll(issuedAccessTokens.getOrDefault(sub, Set.of()));
    String clientId = clientOf(poolId);
    for (String refreshToken : refreshTokens(poolId, user.path("Username").asText())) {
      upstream("RevokeToken", Map.of("ClientId", clientId, "Token", refreshToken));
    }
  }

  /** True when the request carries an access token issued before its user's last global sign-out. */
  private boolean revokedAccessToken(byte[] body) {
    JsonNode request;
    try {
      request = AwsJsonApi.JSON.readTree(body);
    } catch (IOException e) {
      return false; // not JSON: cognito-local answers it as it would
    }
    String token = request.path("AccessToken").asText("");
    if (token.isEmpty()) {
      return false;
    }
    try {
      JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
      String signedOutAt;
      synchronized (signOuts) {
        signedOutAt = signOuts.getProperty(Optional.ofNullable(claims.getSubject()).orElse(""));
      }
      if (claims.getJWTID() != null && revokedAccessTokens.contains(claims.getJWTID())) {
        return true;
      }
      // Tokens this front did not see issued (before a restart): by issue time, to the second.
      return signedOutAt != null && claims.getIssueTime() != null
          && claims.getIssueTime().toInstant().getEpochSecond() < Long.parseLong(signedOutAt);
    } catch (ParseException e) {
      return false; // not a JWT: cognito-local refuses it itself
    }
  }

  private List<String> refreshTokens(String poolId, String username) {
    JsonNode stored = readDb(poolId + ".json").path("Users").path(username).path("RefreshTokens");
    List<String> tokens = new ArrayList<>();
    stored.forEach(t -> tokens.add(t.asText()));
    return tokens;
  }

  // --- AdminSetUserMFAPreference ------------------------------------------------------------------

  private void setMfaPreference(JsonNode request) {
    String poolId = required(request, "UserPoolId");
    JsonNode user = adminGetUser(poolId, required(request, "Username"));
    String clientId = clientOf(poolId);
    ObjectNode call = AwsJsonApi.JSON.createObjectNode();
    call.put("AccessToken", accessToken(poolId, clientId, sub(user), user.path("Username").asText()));
    for (String settings : List.of("SoftwareTokenMfaSettings", "SMSMfaSettings", "EmailMfaSettings")) {
      if (request.has(settings)) {
        call.set(settings, request.get(settings));
      }
    }
    upstream("SetUserMFAPreference", call);
  }

  /** An access token for the user as cognito-local itself issues them (same key, same claims). */
  private String accessToken(String poolId, String clientId, String sub, String username) {
    Instant now = Instant.now();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(publicEndpoint + "/" + poolId)
        .subject(sub)
        .claim("client_id", clientId)
        .claim("token_use", "access")
        .claim("scope", "aws.cognito.signin.user.admin")
        .claim("username", username)
        .claim("auth_time", now.getEpochSecond())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(60)))
        .jwtID(UUID.randomUUID().toString())
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("CognitoLocal").build(), claims);
    try {
      jwt.sign(new RSASSASigner(signingKey));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign with cognito-local's key", e);
    }
    return jwt.serialize();
  }

  // --- cognito-local ------------------------------------------------------------------------------

  private JsonNode adminGetUser(String poolId, String username) {
    return upstream("AdminGetUser", Map.of("UserPoolId", poolId, "Username", username));
  }

  private static String sub(JsonNode user) {
    for (JsonNode attribute : user.path("UserAttributes")) {
      if (attribute.path("Name").asText().equals("sub")) {
        return attribute.path("Value").asText();
      }
    }
    return user.path("Username").asText();
  }

  /** Any app client of the pool: cognito-local looks the pool up by client id. */
  private String clientOf(String poolId) {
    var clients = readDb("clients.json").path("Clients").properties();
    for (Map.Entry<String, JsonNode> client : clients) {
      if (client.getValue().path("UserPoolId").asText().equals(poolId)) {
        return client.getKey();
      }
    }
    throw new CognitoError(400, "InvalidParameterException", "The user pool " + poolId + " has no app client");
  }

  private JsonNode readDb(String file) {
    Path path = cognitoDb.resolve(file);
    try {
      return Files.isRegularFile(path) ? AwsJsonApi.JSON.readTree(path.toFile()) : AwsJsonApi.JSON.createObjectNode();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read cognito-local's " + path, e);
    }
  }

  private JsonNode upstream(String operation, Object body) {
    try {
      HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(upstream)
          .timeout(Duration.ofSeconds(30))
          .header("Content-Type", AMZ_JSON)
          .header("X-Amz-Target", TARGET_PREFIX + operation)
          .POST(HttpRequest.BodyPublishers.ofByteArray(AwsJsonApi.JSON.writeValueAsBytes(body)))
          .build(), HttpResponse.BodyHandlers.ofByteArray());
      JsonNode answer = response.body().length == 0 ? AwsJsonApi.JSON.createObjectNode() : AwsJsonApi.JSON.readTree(response.body());
      if (response.statusCode() >= 300) {
        String type = answer.path("__type").asText("InternalErrorException");
        throw new CognitoError(response.statusCode(), type.substring(type.indexOf('#') + 1), answer.path("message").asText(""));
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(operation + " on cognito-local failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(operation + " interrupted", e);
    }
  }

  /** Notes the access token of a completed sign-in, so that a global sign-out can revoke exactly it. */
  private void noteIssued(byte[] answer) {
    try {
      String token = AwsJsonApi.JSON.readTree(answer).path("AuthenticationResult").path("AccessToken").asText("");
      if (!token.isEmpty()) {
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        if (claims.getSubject() != null && claims.getJWTID() != null) {
          issuedAccessTokens.computeIfAbsent(claims.getSubject(), k -> java.util.concurrent.ConcurrentHashMap.newKeySet())
              .add(claims.getJWTID());
        }
      }
    } catch (IOException | ParseException e) {
      throw new IllegalStateException("cognito-local answered a sign-in with an unreadable token", e);
    }
  }

  private void forward(HttpExchange exchange, byte[] body, boolean signIn) throws IOException {
    URI uri = upstream.resolve(exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
        .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    for (String header : List.of("Content-Type", "X-Amz-Target", "Authorization", "Accept")) {
      Optional.ofNullable(exchange.getRequestHeaders().getFirst(header)).ifPresent(v -> request.header(header, v));
    }
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (signIn && response.statusCode() == 200) {
        noteIssued(response.body());
      }
      for (String header : List.of("x-amzn-RequestId", "Location", "Cache-Control")) {
        response.headers().firstValue(header).ifPresent(v -> exchange.getResponseHeaders().add(header, v));
      }
      send(exchange, response.statusCode(), response.headers().firstValue("Content-Type").orElse(AMZ_JSON), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sendError(exchange, 500, "InternalErrorException", "interrupted");
    }
  }

  private static String required(JsonNode request, String field) {
    String value = request.path(field).asText("");
    if (value.isEmpty()) {
      throw new CognitoError(400, "InvalidParameterException", "Missing required parameter " + field);
    }
    return value;
  }

  private static void sendError(HttpExchange exchange, int status, String type, String message) throws IOException {
    exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
    send(exchange, status, AMZ_JSON, AwsJsonApi.JSON.writeValueAsBytes(Map.of("__type", type, "message", message)));
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** An error in Cognito's JSON shape, passed on to the caller. */
  private static final class CognitoError extends RuntimeException {
    private final int status;
    private final String type;

    CognitoError(int status, String type, String message) {
      super(message);
      this.status = status;
      this.type = type;
    }
  }
}
