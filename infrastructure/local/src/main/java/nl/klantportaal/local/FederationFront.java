package nl.klantportaal.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The user pool domain's federation, as the local Cognito front answers it (cognito-local 5.3.0 has no external
 * identity providers and no hosted UI): {@code GET /oauth2/authorize} with {@code identity_provider} sends the browser
 * to the OpenID Connect provider that plays Entra ID ({@code entra-local.mjs}), {@code GET /oauth2/idpresponse} takes
 * its code back, verifies its ID token and makes or updates the federated user, and {@code POST /oauth2/token} exchanges
 * the front's own authorization code (with PKCE and the app client's secret) for the pool's tokens.
 *
 * <p>What it does as Cognito does: the app client, its secret and its callback URLs are checked; the attributes are
 * those of the template's {@code EntraIdentityProvider} {@code AttributeMapping}, written at every sign-in (an array claim
 * such as {@code amr} as JSON text); a first sign-in creates the user and fires PostConfirmation
 * ({@code PostConfirmation_ConfirmSignUp}, {@code cognito:user_status} {@code EXTERNAL_PROVIDER}, the {@code identities}
 * attribute), so it arrives pending; the tokens pass the pool's PreTokenGeneration trigger; a code is spent by its first
 * exchange and lives five minutes; a wrong verifier, client or redirect URI is {@code invalid_grant}.
 *
 * <p>Where it differs (docs/claims.md "Single sign-on", infrastructure/local/README.md): the federated user is a pool
 * user with the IdP's e-mail address as its name and a random password only this front knows (it signs in with
 * {@code USER_PASSWORD_AUTH} to have cognito-local issue the tokens), so an address that already has a local account
 * cannot federate here (Cognito would make a second user {@code EntraID_<sub>}); its access token carries cognito-local's
 * {@code aws.cognito.signin.user.admin} scope; there is no hosted sign-in page ({@code identity_provider} is required)
 * and no {@code refresh_token} grant (the portal refreshes with {@code REFRESH_TOKEN_AUTH}, which cognito-local has).
 */
final class FederationFront {

  /** Cognito's authorization code lifetime. */
  static final Duration CODE_VALIDITY = Duration.ofMinutes(5);
  /** How long a browser may take at the identity provider. */
  static final Duration SIGN_IN_VALIDITY = Duration.ofMinutes(10);

  /**
   * The identity provider of the template ({@code providerName}, its {@code AttributeMapping}: pool attribute to IdP
   * claim), where it runs locally ({@code issuer}, the client the front is there), the redirect URIs the local cloud
   * allows besides the app client's own (its portal), and the pool's PostConfirmation trigger, if any.
   */
  record Settings(String providerName, URI issuer, String idpClientId, String idpClientSecret,
      Map<String, String> attributeMapping, Set<String> localCallbacks, Optional<URI> postConfirmation) {}

  private record SignIn(String clientId, String redirectUri, String state, String codeChallenge, String verifier,
      String nonce, Instant expires) {}

  private record IssuedCode(String clientId, String redirectUri, String codeChallenge, String username, String password,
      Instant expires) {}

  private final Settings settings;
  private final URI publicEndpoint;
  private final AwsJsonApi cognito;
  private final Path cognitoDb;
  private final Path usersFile;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final SecureRandom random = new SecureRandom();
  private final Map<String, SignIn> signIns = new ConcurrentHashMap<>();
  private final Map<String, IssuedCode> codes = new ConcurrentHashMap<>();
  /** Federated users: the IdP's subject = "cognito user name (sub) password"; kept in the state folder. */
  private final Properties users = new Properties();

  FederationFront(Settings settings, URI publicEndpoint, URI cognitoLocal, Path cognitoWorkDir) {
    this.settings = settings;
    this.publicEndpoint = publicEndpoint;
    this.cognito = new AwsJsonApi(cognitoLocal, "AWSCognitoIdentityProviderService");
    this.cognitoDb = cognitoWorkDir.resolve(".cognito/db");
    this.usersFile = cognitoWorkDir.resolve("federated-users.properties");
    if (Files.isRegularFile(usersFile)) {
      try (Reader reader = Files.newBufferedReader(usersFile)) {
        users.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + usersFile, e);
      }
    }
  }

  URI redirectUri() {
    return URI.create(publicEndpoint + "/oauth2/idpresponse");
  }

  void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    try {
      if (method.equals("GET") && path.equals("/oauth2/authorize")) {
        authorize(exchange, query(exchange.getRequestURI().getRawQuery()));
      } else if (method.equals("GET") && path.equals("/oauth2/idpresponse")) {
        idpResponse(exchange, query(exchange.getRequestURI().getRawQuery()));
      } else if (method.equals("POST") && path.equals("/oauth2/token")) {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
          body = in.readAllBytes();
        }
        token(exchange, query(new String(body, StandardCharsets.UTF_8)));
      } else {
        json(exchange, 404, Map.of("error", "not_found", "error_description", method + " " + path
            + " is not an endpoint of the local hosted UI"));
      }
    } catch (OAuthError e) {
      json(exchange, e.status, Map.of("error", e.code, "error_description", e.getMessage()));
    } catch (RuntimeException e) {
      System.out.println("Cognito federation error on " + method + " " + path + ":");
      e.printStackTrace(System.out);
      json(exchange, 500, Map.of("error", "server_error", "error_description", String.valueOf(e.getMessage())));
    }
  }

  // --- GET /oauth2/authorize -------------------------------------------------------------------

  private void authorize(HttpExchange exchange, Map<String, String> q) throws IOException {
    String clientId = q.getOrDefault("client_id", "");
    JsonNode client = client(clientId).orElseThrow(() -> new OAuthError(400, "invalid_client", "Unknown client_id"));
    String redirectUri = q.getOrDefault("redirect_uri", "");
    if (!allowedRedirect(client, redirectUri)) {
      throw new OAuthError(400, "redirect_mismatch", "redirect_uri is not a callback URL of the app client");
    }
    if (!"code".equals(q.get("response_type"))) {
      throw new OAuthError(400, "unsupported_response_type", "Only response_type=code");
    }
    if (!settings.providerName().equals(q.get("identity_provider"))) {
      throw new OAuthError(400, "invalid_request", "identity_provider must be " + settings.providerName()
          + " (the local cloud has no hosted sign-in page)");
    }
    Set<String> allowedScopes = new java.util.HashSet<>();
    client.path("AllowedOAuthScopes").forEach(s -> allowedScopes.add(s.asText()));
    for (String scope : q.getOrDefault("scope", "openid").split(" ")) {
      if (!allowedScopes.contains(scope)) {
        throw new OAuthError(400, "invalid_scope", "Scope " + scope + " is not allowed for the app client");
      }
    }
    String challenge = q.getOrDefault("code_challenge", "");
    if (!challenge.isEmpty() && !"S256".equals(q.get("code_challenge_method"))) {
      throw new OAuthError(400, "invalid_request", "code_challenge_method must be S256");
    }
    Instant now = Instant.now();
    signIns.values().removeIf(s -> s.expires().isBefore(now));
    String id = randomId();
    String verifier = randomId() + randomId();
    String nonce = randomId();
    signIns.put(id, new SignIn(clientId, redirectUri, q.getOrDefault("state", ""), challenge, verifier, nonce,
        now.plus(SIGN_IN_VALIDITY)));
    JsonNode discovery = discovery();
    Map<String, String> forward = new LinkedHashMap<>();
    forward.put("client_id", settings.idpClientId());
    forward.put("redirect_uri", redirectUri().toString());
    forward.put("response_type", "code");
    forward.put("scope", "openid email profile");
    forward.put("state", id);
    forward.put("nonce", nonce);
    forward.put("code_challenge", s256(verifier));
    forward.put("code_challenge_method", "S256");
    redirect(exchange, discovery.path("authorization_endpoint").asText() + "?" + form(forward));
  }

  // --- GET /oauth2/idpresponse -----------------------------------------------------------------

  private void idpResponse(HttpExchange exchange, Map<String, String> q) throws IOException {
    SignIn signIn = signIns.remove(q.getOrDefault("state", ""));
    if (signIn == null || signIn.expires().isBefore(Instant.now())) {
      throw new OAuthError(400, "invalid_request", "No sign-in in progress for this state");
    }
    if (q.containsKey("error")) {
      back(exchange, signIn, Map.of("error", q.get("error"), "error_description", q.getOrDefault("error_description", "")));
      return;
    }
    JWTClaimsSet idToken = idToken(q.getOrDefault("code", ""), signIn);
    String subject = idToken.getSubject();
    Map<String, String> attributes = mappedAttributes(idToken);
    String email = attributes.getOrDefault("email", "");
    if (email.isEmpty()) {
      back(exchange, signIn, Map.of("error", "invalid_request", "error_description",
          "The identity provider sent no e-mail address (email is a required attribute)"));
      return;
    }
    String poolId = client(signIn.clientId()).orElseThrow().path("UserPoolId").asText();
    String[] known;
    synchronized (users) {
      known = Optional.ofNullable(users.getProperty(subject)).map(v -> v.split(" ")).orElse(null);
    }
    String username;
    String password;
    if (known == null) {
      password = randomId() + "aA1!";
      List<Map<String, String>> userAttributes = new ArrayList<>();
      attributes.forEach((name, value) -> userAttributes.add(Map.of("Name", name, "Value", value)));
      userAttributes.add(Map.of("Name", "identities", "Value", identities(subject)));
      try {
        cognito.call("AdminCreateUser", Map.of("UserPoolId", poolId, "Username", email, "MessageAction", "SUPPRESS",
            "TemporaryPassword", password, "UserAttributes", userAttributes));
      } catch (AwsJsonApi.ApiError e) {
        back(exchange, signIn, Map.of("error", "invalid_request", "error_description", "The local cloud cannot federate "
            + email + ": " + e.type() + " (an address with a local account cannot; Cognito would make a second user)"));
        return;
      }
      cognito.call("AdminSetUserPassword", Map.of("UserPoolId", poolId, "Username", email, "Password", password,
          "Permanent", true));
      JsonNode user = cognito.call("AdminGetUser", Map.of("UserPoolId", poolId, "Username", email));
      username = user.path("Username").asText();
      synchronized (users) {
        users.setProperty(subject, username + " " + password);
        store();
      }
      postConfirmation(poolId, signIn.clientId(), subject, user);
    } else {
      username = known[0];
      password = known[1];
      List<Map<String, String>> changed = new ArrayList<>();
      attributes.forEach((name, value) -> {
        if (!name.equals("email")) {
          changed.add(Map.of("Name", name, "Value", value));
        }
      });
      if (!changed.isEmpty()) {
        cognito.call("AdminUpdateUserAttributes", Map.of("UserPoolId", poolId, "Username", username,
            "UserAttributes", changed));
      }
    }
    Instant now = Instant.now();
    codes.values().removeIf(c -> c.expires().isBefore(now));
    String code = randomId();
    codes.put(code, new IssuedCode(signIn.clientId(), signIn.redirectUri(), signIn.codeChallenge(), username, password,
        now.plus(CODE_VALIDITY)));
    back(exchange, signIn, Map.of("code", code));
  }

  /** The IdP's tokens for its code, and its ID token verified: signature (its JWKS), issuer, audience, nonce, expiry. */
  private JWTClaimsSet idToken(String code, SignIn signIn) {
    JsonNode discovery = discovery();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri().toString());
    form.put("code_verifier", signIn.verifier());
    String basic = Base64.getEncoder().encodeToString((encode(settings.idpClientId()) + ":"
        + encode(settings.idpClientSecret())).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(discovery.path("token_endpoint").asText()))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + basic)
        .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    if (response.statusCode() != 200) {
      throw new OAuthError(400, "invalid_request", "The identity provider refused its code: " + response.body());
    }
    try {
      SignedJWT jwt = SignedJWT.parse(AwsJsonApi.JSON.readTree(response.body()).path("id_token").asText());
      JWKSet keys = JWKSet.parse(send(HttpRequest.newBuilder(URI.create(discovery.path("jwks_uri").asText())).GET().build())
          .body());
      RSAKey key = (RSAKey) Optional.ofNullable(keys.getKeyByKeyId(jwt.getHeader().getKeyID()))
          .orElseThrow(() -> new OAuthError(400, "invalid_request", "The ID token's key is not in the IdP's JWKS"));
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      boolean valid = jwt.verify(new RSASSAVerifier(key))
          && settings.issuer().toString().equals(claims.getIssuer())
          && claims.getAudience().contains(settings.idpClientId())
          && signIn.nonce().equals(claims.getStringClaim("nonce"))
          && claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().isAfter(Instant.now())
          && claims.getSubject() != null;
      if (!valid) {
        throw new OAuthError(400, "invalid_request", "The identity provider's ID token did not verify");
      }
      return claims;
    } catch (ParseException | JOSEException | IOException e) {
      throw new OAuthError(400, "invalid_request", "The identity provider's ID token is unreadable: " + e.getMessage());
    }
  }

  /** The template's AttributeMapping applied to the ID token: strings as they are, arrays and objects as JSON text. */
  private Map<String, String> mappedAttributes(JWTClaimsSet idToken) {
    Map<String, String> attributes = new LinkedHashMap<>();
    settings.attributeMapping().forEach((poolAttribute, claim) -> {
      Object value = idToken.getClaim(claim);
      if (value instanceof String text) {
        attributes.put(poolAttribute, text);
      } else if (value != null) {
        try {
          attributes.put(poolAttribute, AwsJsonApi.JSON.writeValueAsString(value));
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot write the claim " + claim + " as JSON", e);
        }
      }
    });
    return attributes;
  }

  /** Cognito's identities attribute of a federated user. */
  private String identities(String subject) {
    try {
      return AwsJsonApi.JSON.writeValueAsString(List.of(Map.of("userId", subject, "providerName", settings.providerName(),
          "providerType", "OIDC", "primary", true, "dateCreated", Instant.now().toEpochMilli())));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the identities attribute", e);
    }
  }

  /** A first federated sign-in confirms the user, as Cognito does: PostConfirmation_ConfirmSignUp. */
  private void postConfirmation(String poolId, String clientId, String subject, JsonNode user) {
    if (settings.postConfirmation().isEmpty()) {
      return;
    }
    Map<String, Object> attributes = new LinkedHashMap<>();
    user.path("UserAttributes").forEach(a -> attributes.put(a.path("Name").asText(), a.path("Value").asText()));
    attributes.put("cognito:user_status", "EXTERNAL_PROVIDER");
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "1");
    event.put("region", AwsClients.REGION);
    event.put("userPoolId", poolId);
    event.put("userName", settings.providerName() + "_" + subject);
    event.put("callerContext", Map.of("awsSdkVersion", "aws-sdk-unknown-unknown", "clientId", clientId));
    event.put("triggerSource", "PostConfirmation_ConfirmSignUp");
    event.put("request", Map.of("userAttributes", attributes));
    event.put("response", Map.of());
    try {
      HttpResponse<String> response = send(HttpRequest.newBuilder(settings.postConfirmation().get())
          .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(AwsJsonApi.JSON.writeValueAsBytes(event))).build());
      if (response.statusCode() != 200 || response.headers().firstValue("X-Amz-Function-Error").isPresent()) {
        throw new IllegalStateException("PostConfirmation failed for a federated user: " + response.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the PostConfirmation event", e);
    }
  }

  // --- POST /oauth2/token ----------------------------------------------------------------------

  private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
    String clientId = form.getOrDefault("client_id", "");
    String secret = form.getOrDefault("client_secret", "");
    String authorization = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
    if (authorization.startsWith("Basic ")) {
      String[] pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8).split(":", 2);
      clientId = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
      secret = pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "";
    }
    JsonNode client = client(clientId).orElseThrow(() -> new OAuthError(400, "invalid_client", "Unknown client"));
    String expectedSecret = client.path("ClientSecret").asText("");
    if (!expectedSecret.isEmpty() && !MessageDigest.isEqual(expectedSecret.getBytes(StandardCharsets.UTF_8),
        secret.getBytes(StandardCharsets.UTF_8))) {
      throw new OAuthError(400, "invalid_client", "Client authentication failed");
    }
    if (!"authorization_code".equals(form.get("grant_type"))) {
      throw new OAuthError(400, "unsupported_grant_type", "Only authorization_code (the local cloud refreshes with "
          + "REFRESH_TOKEN_AUTH)");
    }
    IssuedCode code = codes.remove(form.getOrDefault("code", ""));
    if (code == null || code.expires().isBefore(Instant.now()) || !code.clientId().equals(clientId)
        || !code.redirectUri().equals(form.getOrDefault("redirect_uri", ""))) {
      throw new OAuthError(400, "invalid_grant", "The code is unknown, spent, expired, or not this client's or redirect URI's");
    }
    if (!code.codeChallenge().isEmpty() && !code.codeChallenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
      throw new OAuthError(400, "invalid_grant", "The code verifier does not match the code challenge");
    }
    JsonNode result;
    try {
      result = cognito.call("InitiateAuth", Map.of("ClientId", clientId, "AuthFlow", "USER_PASSWORD_AUTH",
          "AuthParameters", Map.of("USERNAME", code.username(), "PASSWORD", code.password()))).path("AuthenticationResult");
    } catch (AwsJsonApi.ApiError e) {
      // PreTokenGeneration refusing a deactivated account, as Cognito's token endpoint answers it.
      throw new OAuthError(400, "invalid_grant", e.type() + ": " + e.getMessage());
    }
    if (result.isMissingNode()) {
      throw new OAuthError(400, "invalid_grant", "The federated user has a challenge pending (a TOTP enrolled locally)");
    }
    Map<String, Object> tokens = new LinkedHashMap<>();
    tokens.put("id_token", result.path("IdToken").asText());
    tokens.put("access_token", result.path("AccessToken").asText());
    tokens.put("refresh_token", result.path("RefreshToken").asText());
    tokens.put("expires_in", result.path("ExpiresIn").asInt(900));
    tokens.put("token_type", "Bearer");
    json(exchange, 200, tokens);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private Optional<JsonNode> client(String clientId) {
    Path clients = cognitoDb.resolve("clients.json");
    try {
      JsonNode all = Files.isRegularFile(clients) ? AwsJsonApi.JSON.readTree(clients.toFile()) : AwsJsonApi.JSON.createObjectNode();
      JsonNode client = all.path("Clients").path(clientId);
      return clientId.isEmpty() || client.isMissingNode() ? Optional.empty() : Optional.of(client);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + clients, e);
    }
  }

  private boolean allowedRedirect(JsonNode client, String redirectUri) {
    if (settings.localCallbacks().contains(redirectUri)) {
      return true;
    }
    for (JsonNode callback : client.path("CallbackURLs")) {
      if (callback.asText().equals(redirectUri)) {
        return true;
      }
    }
    return false;
  }

  private JsonNode discovery() {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(settings.issuer()
        + "/.well-known/openid-configuration")).GET().build());
    try {
      return AwsJsonApi.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("The identity provider's discovery document is unreadable", e);
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(request.uri() + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted calling " + request.uri(), e);
    }
  }

  /** Back to the portal's redirect URI with the answer and the portal's own state. */
  private static void back(HttpExchange exchange, SignIn signIn, Map<String, String> answer) throws IOException {
    Map<String, String> parameters = new LinkedHashMap<>(answer);
    if (!signIn.state().isEmpty()) {
      parameters.put("state", signIn.state());
    }
    redirect(exchange, signIn.redirectUri() + (signIn.redirectUri().contains("?") ? "&" : "?") + form(parameters));
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().add("Location", location);
    exchange.getResponseHeaders().add("Cache-Control", "no-store");
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private static void json(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
    byte[] bytes = AwsJsonApi.JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
    exchange.getResponseHeaders().add("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
    exchange.close();
  }

  private void store() {
    try (Writer writer = Files.newBufferedWriter(usersFile)) {
      users.store(writer, "Federated users of the local Cognito front (IdP subject = user password)");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + usersFile, e);
    }
  }

  private String randomId() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String s256(String verifier) {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  static Map<String, String> query(String raw) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return parameters;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      parameters.putIfAbsent(name, value);
    }
    return parameters;
  }

  private static String form(Map<String, String> parameters) {
    return parameters.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** An OAuth error answer (RFC 6749 §5.2 shape, as Cognito's endpoints answer). */
  private static final class OAuthError extends RuntimeException {
    private final int status;
    private final String code;

    OAuthError(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }
}
