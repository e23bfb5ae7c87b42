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
import java.security.SecureRandom;
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
 * operations cognito-local 5.3.0 lacks and the portal calls, enforces what Cognito enforces and
 * cognito-local does not (sign-in sessions), and forwards everything else (every other
 * {@code X-Amz-Target}, the JWKS and discovery documents) unchanged.
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
 *
 *   <li>{@code ResendConfirmationCode}: a new six-digit code for an unconfirmed user, written by the
 *       pool's CustomMessage trigger ({@code CustomMessage_ResendCode}) and logged as cognito-local
 *       logs its codes; from then on {@code ConfirmSignUp} takes only the new code (the front confirms
 *       through cognito-local's {@code AdminConfirmSignUp}, which fires PostConfirmation as a
 *       confirmation does).</li>
 *   <li>Sign-in sessions: every {@code Session} that {@code InitiateAuth} or {@code RespondToAuthChallenge}
 *       answers is replaced by one of the front's own, bound to the app client, the user and the
 *       challenge, valid for three minutes and spent by the answer that completes it (a wrong code
 *       leaves it standing). cognito-local ignores the session, so without this any session plus a
 *       victim's e-mail would answer a victim's challenge.</li>
 * </ul>
 *
 * <p>Answers corrected on the way: {@code AdminUpdateUserAttributes} for an unknown user is
 * {@code UserNotFoundException} (cognito-local says {@code NotAuthorizedException}); a confirmed
 * sign-up has {@code email_verified = true}, as the code proved the address (cognito-local leaves it false).
 *
 * <p>With single sign-on on, the user pool domain's federation ({@code /oauth2/*}) is answered by a
 * {@link FederationFront}: cognito-local has no external identity providers.
 *
 * <p>cognito-local's state file is only read (to find a user's refresh tokens and the pool's app
 * clients); it is never written here.
 */
public final class CognitoFront implements AutoCloseable {

  /** The operations this front answers itself: cognito-local's gaps that the portal needs. */
  public static final Set<String> ANSWERED = Set.of("AdminUserGlobalSignOut", "AdminSetUserMFAPreference",
      "ResendConfirmationCode");

  /** Cognito's default sign-in session validity (the app client's AuthSessionValidity). */
  static final Duration SESSION_VALIDITY = Duration.ofMinutes(3);
  /** How long a sign-up confirmation code is valid in Cognito. */
  static final Duration CODE_VALIDITY = Duration.ofHours(24);

  private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
  private static final String AMZ_JSON = "application/x-amz-json-1.1";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(16);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI upstream;
  private final Forwarding forwarding;
  private final Path cognitoDb;
  private final Path signOutsFile;
  private final RSAKey signingKey;
  private final URI publicEndpoint;
  private final Properties signOuts = new Properties();
  /** Access tokens issued through this front, per user (sub): revoked at a global sign-out even within its second. */
  private final Map<String, Set<String>> issuedAccessTokens = new java.util.concurrent.ConcurrentHashMap<>();
  private final Set<String> revokedAccessTokens = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private static final Set<String> SIGN_IN_STARTS = Set.of("InitiateAuth", "AdminInitiateAuth");
  private static final Set<String> SIGN_IN_ANSWERS = Set.of("RespondToAuthChallenge", "AdminRespondToAuthChallenge");

  /** A sign-in challenge cognito-local issued, under the front's own session id. */
  private record Challenge(String upstreamSession, String clientId, String challengeName, Set<String> user,
      Instant expires) {}

  private final Map<String, Challenge> sessions = new java.util.concurrent.ConcurrentHashMap<>();
  /** Sessions spent by a completed answer, until they would have expired: a replay is told so. */
  private final Map<String, Instant> spentSessions = new java.util.concurrent.ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Path resentCodesFile;
  /** Resent sign-up codes per user (cognito-local Username = sub): "code epochSecond". */
  private final Properties resentCodes = new Properties();
  private final Optional<URI> customMessageTrigger;
  private final Path codeLog;
  private final Path cognitoWorkDir;
  /** The user pool domain's federation ({@code /oauth2/*}), once the local cloud runs with single sign-on. */
  private volatile Optional<FederationFront> federation = Optional.empty();

  private CognitoFront(HttpServer server, URI upstream, Path cognitoWorkDir, RSAKey signingKey,
      Optional<URI> customMessageTrigger, Path codeLog) {
    this.server = server;
    this.upstream = upstream;
    this.forwarding = Forwarding.to(upstream, List.of("Content-Type", "X-Amz-Target", "Authorization", "Accept"), "cognito-local");
    this.cognitoDb = cognitoWorkDir.resolve(".cognito/db");
    this.signOutsFile = cognitoWorkDir.resolve("global-sign-outs.properties");
    this.resentCodesFile = cognitoWorkDir.resolve("resent-codes.properties");
    this.signingKey = signingKey;
    this.customMessageTrigger = customMessageTrigger;
    this.codeLog = codeLog;
    this.cognitoWorkDir = cognitoWorkDir;
    this.publicEndpoint = URI.create("http://" + Ports.HOST + ":" + server.getAddress().getPort());
    load(signOuts, signOutsFile);
    load(resentCodes, resentCodesFile);
  }

  /**
   * Listens on {@code port} before cognito-local at {@code upstream}. {@code cognitoWorkDir} is
   * cognito-local's working folder; {@code privateKey} its {@code lib/keys/cognitoLocal.private.json};
   * {@code customMessageTrigger} the Lambda Invoke URL of the pool's CustomMessage function, if it
   * has one; {@code codeLog} the file resent codes are logged to (cognito-local's own log).
   */
  public static CognitoFront start(int port, URI upstream, Path cognitoWorkDir, Path privateKey,
      Optional<URI> customMessageTrigger, Path codeLog) {
    RSAKey key;
    try {
      key = RSAKey.parse(AwsJsonApi.JSON.readTree(privateKey.toFile()).path("jwk").toString());
    } catch (IOException | ParseException e) {
      throw new StartFailure("Cannot read cognito-local's signing key " + privateKey + ": " + e.getMessage(), e);
    }
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(Ports.HOST, port), 64);
      CognitoFront front = new CognitoFront(server, upstream, cognitoWorkDir, key, customMessageTrigger, codeLog);
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

  /**
   * Answers the user pool domain's {@code /oauth2/authorize}, {@code /oauth2/idpresponse} and {@code /oauth2/token}
   * from now on, federating to the identity provider of {@code settings} ({@link FederationFront}); answers where the
   * identity provider must send the browser back.
   */
  public URI federate(FederationFront.Settings settings) {
    FederationFront front = new FederationFront(settings, publicEndpoint, upstream, cognitoWorkDir);
    federation = Optional.of(front);
    return front.redirectUri();
  }

  private void handle(HttpExchange exchange) throws IOException {
    Optional<FederationFront> federated = federation;
    if (federated.isPresent() && exchange.getRequestURI().getPath().startsWith("/oauth2/")) {
      federated.get().handle(exchange);
      return;
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    String target = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target")).orElse("");
    String operation = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : "";
    boolean post = exchange.getRequestMethod().equals("POST");
    try {
      if (post && ANSWERED.contains(operation)) {
        JsonNode request = requestJson(body);
        JsonNode answer = switch (operation) {
          case "AdminUserGlobalSignOut" -> globalSignOut(request);
          case "AdminSetUserMFAPreference" -> setMfaPreference(request);
          default -> resendConfirmationCode(request);
        };
        send(exchange, 200, AMZ_JSON, AwsJsonApi.JSON.writeValueAsBytes(answer));
        System.out.println("COGNITO " + operation + " answered by the local front");
        return;
      }
      if (operation.equals("AdminUpdateUserAttributes")) {
        // cognito-local answers NotAuthorizedException for an unknown user; Cognito UserNotFoundException.
        JsonNode request = requestJson(body);
        adminGetUser(required(request, "UserPoolId"), required(request, "Username"));
      }
      if (post && body.length > 0 && revokedAccessToken(body)) {
        sendError(exchange, 400, "NotAuthorizedException", "Access Token has been revoked");
        return;
      }
      if (post && SIGN_IN_STARTS.contains(operation)) {
        startSignIn(exchange, requestJson(body), body);
      } else if (post && SIGN_IN_ANSWERS.contains(operation)) {
        answerChallenge(exchange, requestJson(body));
      } else if (post && operation.equals("ConfirmSignUp")) {
        confirmSignUp(exchange, requestJson(body), body);
      } else {
        relay(exchange, forward(exchange, body));
      }
    } catch (CognitoError e) {
      sendError(exchange, e.status, e.type, e.getMessage());
    } catch (RuntimeException e) {
      System.out.println("Cognito front error on " + target + ":");
      e.printStackTrace(System.out);
      sendError(exchange, 500, "InternalErrorException", "The local Cognito front failed: " + e.getMessage());
    }
  }

  // --- AdminUserGlobalSignOut ---------------------------------------------------------------------

  private JsonNode globalSignOut(JsonNode request) {
    String poolId = required(request, "UserPoolId");
    JsonNode user = adminGetUser(poolId, required(request, "Username"));
    String sub = sub(user);
    Instant now = Instant.now();
    synchronized (signOuts) {
      signOuts.setProperty(sub, Long.toString(now.getEpochSecond()));
      store(signOuts, signOutsFile, "AdminUserGlobalSignOut per user (sub = epoch second), kept by the local Cognito front");
    }
    revokedAccessTokens.addAll(issuedAccessTokens.getOrDefault(sub, Set.of()));
    String clientId = clientOf(poolId);
    for (String refreshToken : refreshTokens(poolId, user.path("Username").asText())) {
      upstream("RevokeToken", Map.of("ClientId", clientId, "Token", refreshToken));
    }
    return AwsJsonApi.JSON.createObjectNode();
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

  private JsonNode setMfaPreference(JsonNode request) {
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
    return AwsJsonApi.JSON.createObjectNode();
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

  private Optional<JsonNode> findUser(String poolId, String username) {
    try {
      return Optional.of(adminGetUser(poolId, username));
    } catch (CognitoError e) {
      if (e.type.equals("UserNotFoundException") || e.type.equals("NotAuthorizedException")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The pool an app client belongs to (cognito-local's clients.json). */
  private String poolOfClient(String clientId) {
    JsonNode client = readDb("clients.json").path("Clients").path(clientId);
    if (client.isMissingNode()) {
      throw new CognitoError(400, "ResourceNotFoundException", "User pool client " + clientId + " does not exist.");
    }
    return client.path("UserPoolId").asText();
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

  private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
    return forwarding.forward(exchange, body);
  }

  private static void relay(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
    relay(exchange, response, response.body());
  }

  private static void relay(HttpExchange exchange, HttpResponse<byte[]> response, byte[] body) throws IOException {
    for (String header : List.of("x-amzn-RequestId", "x-amzn-ErrorType", "Location", "Cache-Control")) {
      response.headers().firstValue(header).ifPresent(v -> exchange.getResponseHeaders().add(header, v));
    }
    send(exchange, response.statusCode(), response.headers().firstValue("Content-Type").orElse(AMZ_JSON), body);
  }

  private static JsonNode requestJson(byte[] body) {
    try {
      JsonNode request = AwsJsonApi.JSON.readTree(body);
      if (request == null || !request.isObject()) {
        throw new CognitoError(400, "SerializationException", "The request body is not a JSON object");
      }
      return request;
    } catch (IOException e) {
      throw new CognitoError(400, "SerializationException", "The request body is not JSON");
    }
  }

  // --- Sign-in sessions ---------------------------------------------------------------------------

  /** InitiateAuth / AdminInitiateAuth: a challenge's session is replaced by one bound to its user. */
  private void startSignIn(HttpExchange exchange, JsonNode request, byte[] body) throws IOException {
    HttpResponse<byte[]> response = forward(exchange, body);
    if (response.statusCode() != 200) {
      relay(exchange, response);
      return;
    }
    noteIssued(response.body());
    Set<String> user = new java.util.HashSet<>();
    user.add(request.path("AuthParameters").path("USERNAME").asText("").toLowerCase(java.util.Locale.ROOT));
    relay(exchange, response, bindSession(response.body(), request.path("ClientId").asText(""), user));
  }

  /**
   * RespondToAuthChallenge / AdminRespondToAuthChallenge: only a live session of this front, for the
   * same app client, user and challenge, reaches cognito-local (with cognito-local's own session).
   */
  private void answerChallenge(HttpExchange exchange, JsonNode request) throws IOException {
    String session = request.path("Session").asText("");
    if (session.isEmpty()) {
      throw new CognitoError(400, "InvalidParameterException", "Missing required parameter Session");
    }
    Instant now = Instant.now();
    spentSessions.values().removeIf(until -> until.isBefore(now));
    Challenge challenge = sessions.get(session);
    if (challenge == null) {
      throw new CognitoError(400, "NotAuthorizedException", spentSessions.containsKey(session)
          ? "Invalid session for the user, session can only be used once." : "Invalid session for the user.");
    }
    if (challenge.expires().isBefore(now)) {
      sessions.remove(session);
      throw new CognitoError(400, "NotAuthorizedException", "Invalid session for the user, session is expired.");
    }
    String user = request.path("ChallengeResponses").path("USERNAME").asText("").toLowerCase(java.util.Locale.ROOT);
    if (!challenge.clientId().equals(request.path("ClientId").asText(""))
        || !challenge.challengeName().equals(request.path("ChallengeName").asText(""))
        || !challenge.user().contains(user)) {
      throw new CognitoError(400, "NotAuthorizedException", "Invalid session for the user.");
    }
    ObjectNode upstreamRequest = ((ObjectNode) request).deepCopy();
    upstreamRequest.put("Session", challenge.upstreamSession());
    HttpResponse<byte[]> response = forward(exchange, AwsJsonApi.JSON.writeValueAsBytes(upstreamRequest));
    if (response.statusCode() != 200) {
      relay(exchange, response); // a wrong code leaves the challenge standing, as in Cognito
      return;
    }
    sessions.remove(session);
    spentSessions.put(session, challenge.expires());
    noteIssued(response.body());
    relay(exchange, response, bindSession(response.body(), challenge.clientId(), challenge.user()));
  }

  /** Replaces the Session of a challenge answer by a new one of this front, bound to the client, user and challenge. */
  private byte[] bindSession(byte[] answer, String clientId, Set<String> user) throws IOException {
    JsonNode parsed = AwsJsonApi.JSON.readTree(answer);
    String upstreamSession = parsed.path("Session").asText("");
    if (upstreamSession.isEmpty() || !(parsed instanceof ObjectNode object)) {
      return answer;
    }
    Set<String> names = new java.util.HashSet<>(user);
    for (String parameter : List.of("USER_ID_FOR_SRP", "USERNAME")) {
      String name = parsed.path("ChallengeParameters").path(parameter).asText("");
      if (!name.isEmpty()) {
        names.add(name.toLowerCase(java.util.Locale.ROOT));
      }
    }
    names.remove("");
    Instant now = Instant.now();
    sessions.values().removeIf(c -> c.expires().isBefore(now)); // sign-ins never finished do not pile up
    byte[] id = new byte[48];
    random.nextBytes(id);
    String session = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    sessions.put(session, new Challenge(upstreamSession, clientId, parsed.path("ChallengeName").asText(""),
        Set.copyOf(names), now.plus(SESSION_VALIDITY)));
    object.put("Session", session);
    return AwsJsonApi.JSON.writeValueAsBytes(object);
  }

  // --- Sign-up codes ------------------------------------------------------------------------------

  /** ResendConfirmationCode: a new code for an unconfirmed user, delivered as Cognito delivers it. */
  private JsonNode resendConfirmationCode(JsonNode request) {
    String clientId = required(request, "ClientId");
    String poolId = poolOfClient(clientId);
    JsonNode user = adminGetUser(poolId, required(request, "Username"));
    if (!user.path("UserStatus").asText().equals("UNCONFIRMED")) {
      throw new CognitoError(400, "InvalidParameterException", "User is already confirmed.");
    }
    String username = user.path("Username").asText();
    String code = String.format(java.util.Locale.ROOT, "%06d", random.nextInt(1_000_000));
    synchronized (resentCodes) {
      resentCodes.setProperty(username, code + " " + Instant.now().getEpochSecond());
      store(resentCodes, resentCodesFile, "Sign-up codes resent by the local Cognito front (user = code epochSecond)");
    }
    Map<String, String> attributes = attributes(user);
    deliverCode(poolId, clientId, username, attributes, code);
    ObjectNode details = AwsJsonApi.JSON.createObjectNode();
    details.putObject("CodeDeliveryDetails").put("AttributeName", "email").put("DeliveryMedium", "EMAIL")
        .put("Destination", masked(attributes.getOrDefault("email", "")));
    return details;
  }

  /**
   * ConfirmSignUp: with a resent code the front checks it and confirms through cognito-local's
   * AdminConfirmSignUp (the first code no longer counts); otherwise cognito-local checks its own.
   * Either way the confirmed address is marked verified.
   */
  private void confirmSignUp(HttpExchange exchange, JsonNode request, byte[] body) throws IOException {
    String poolId = poolOfClient(required(request, "ClientId"));
    Optional<JsonNode> user = findUser(poolId, required(request, "Username"));
    String username = user.map(u -> u.path("Username").asText()).orElse("");
    String resent;
    synchronized (resentCodes) {
      resent = resentCodes.getProperty(username);
    }
    if (user.isEmpty() || resent == null) {
      HttpResponse<byte[]> response = forward(exchange, body);
      if (response.statusCode() == 200 && user.isPresent()) {
        markEmailVerified(poolId, user.get());
      }
      relay(exchange, response);
      return;
    }
    String[] parts = resent.split(" ");
    if (Instant.ofEpochSecond(Long.parseLong(parts[1])).plus(CODE_VALIDITY).isBefore(Instant.now())) {
      throw new CognitoError(400, "ExpiredCodeException", "Invalid code provided, please request a code again.");
    }
    if (!parts[0].equals(request.path("ConfirmationCode").asText(""))) {
      throw new CognitoError(400, "CodeMismatchException", "Invalid verification code provided, please try again.");
    }
    upstream("AdminConfirmSignUp", Map.of("UserPoolId", poolId, "Username", username));
    synchronized (resentCodes) {
      resentCodes.remove(username);
      store(resentCodes, resentCodesFile, "Sign-up codes resent by the local Cognito front (user = code epochSecond)");
    }
    markEmailVerified(poolId, user.get());
    send(exchange, 200, AMZ_JSON, "{}".getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Cognito marks the address verified when the sign-up code confirms it; cognito-local does not
   * (and takes {@code email_verified} only together with the address it verifies).
   */
  private void markEmailVerified(String poolId, JsonNode user) {
    String email = attributes(user).get("email");
    if (email == null) {
      return;
    }
    upstream("AdminUpdateUserAttributes", Map.of("UserPoolId", poolId, "Username", user.path("Username").asText(),
        "UserAttributes", List.of(Map.of("Name", "email", "Value", email), Map.of("Name", "email_verified", "Value", "true"))));
  }

  /** The pool's CustomMessage trigger writes the mail (CustomMessage_ResendCode); it is logged as cognito-local logs codes. */
  private void deliverCode(String poolId, String clientId, String username, Map<String, String> attributes, String code) {
    String subject = "";
    String message = "";
    if (customMessageTrigger.isPresent()) {
      Map<String, Object> userAttributes = new java.util.LinkedHashMap<>(attributes);
      userAttributes.put("cognito:user_status", "UNCONFIRMED");
      Map<String, Object> event = new java.util.LinkedHashMap<>();
      event.put("version", "1");
      event.put("region", AwsClients.REGION);
      event.put("userPoolId", poolId);
      event.put("userName", username);
      event.put("callerContext", Map.of("awsSdkVersion", "aws-sdk-unknown-unknown", "clientId", clientId));
      event.put("triggerSource", "CustomMessage_ResendCode");
      Map<String, Object> triggerRequest = new java.util.LinkedHashMap<>();
      triggerRequest.put("userAttributes", userAttributes);
      triggerRequest.put("codeParameter", "{####}");
      triggerRequest.put("usernameParameter", null);
      triggerRequest.put("clientMetadata", Map.of());
      event.put("request", triggerRequest);
      Map<String, Object> triggerResponse = new java.util.LinkedHashMap<>();
      triggerResponse.put("smsMessage", null);
      triggerResponse.put("emailMessage", null);
      triggerResponse.put("emailSubject", null);
      event.put("response", triggerResponse);
      JsonNode answer = invoke(customMessageTrigger.get(), event);
      subject = answer.path("response").path("emailSubject").asText("");
      message = answer.path("response").path("emailMessage").asText("").replace("{####}", code);
    }
    String block = "Confirmation Code Delivery (ResendConfirmationCode, answered by the local Cognito front)\n"
        + "Username:      " + username + "\n"
        + "Destination:   " + attributes.getOrDefault("email", "") + "\n"
        + "Code:          " + code + "\n"
        + (subject.isEmpty() ? "" : "Email Subject: " + subject + "\n")
        + (message.isEmpty() ? "" : "Email Message: " + message + "\n");
    try {
      Files.writeString(codeLog, block, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot log the resent code to " + codeLog, e);
    }
  }

  private JsonNode invoke(URI function, Object event) {
    try {
      HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(function).timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(AwsJsonApi.JSON.writeValueAsBytes(event))).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200 || response.headers().firstValue("X-Amz-Function-Error").isPresent()) {
        throw new CognitoError(400, "UserLambdaValidationException", "CustomMessage failed with error "
            + new String(response.body(), StandardCharsets.UTF_8));
      }
      return AwsJsonApi.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("The CustomMessage trigger " + function + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while invoking " + function, e);
    }
  }

  private static Map<String, String> attributes(JsonNode user) {
    Map<String, String> attributes = new java.util.LinkedHashMap<>();
    for (JsonNode attribute : user.path("UserAttributes")) {
      attributes.put(attribute.path("Name").asText(), attribute.path("Value").asText());
    }
    return attributes;
  }

  /** As Cognito shows a delivery address: {@code s***@b***}. */
  static String masked(String email) {
    int at = email.indexOf('@');
    if (at < 1 || at == email.length() - 1) {
      return "***";
    }
    return email.charAt(0) + "***@" + email.charAt(at + 1) + "***";
  }

  private static void load(Properties properties, Path file) {
    if (Files.isRegularFile(file)) {
      try (Reader reader = Files.newBufferedReader(file)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
  }

  private static void store(Properties properties, Path file, String comment) {
    try (Writer writer = Files.newBufferedWriter(file)) {
      properties.store(writer, comment);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
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
