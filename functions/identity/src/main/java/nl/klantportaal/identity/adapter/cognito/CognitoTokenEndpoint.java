package nl.klantportaal.identity.adapter.cognito;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import nl.klantportaal.core.api.ServiceUnavailable;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.klantportaal.accounts.identity.port.AuthorizationCodeExchange;
import nl.klantportaal.accounts.identity.port.IdentityProvider;
import nl.klantportaal.core.api.Json;
import nl.klantportaal.core.api.JsonTree;
import nl.klantportaal.core.shared.domain.DomainException;

/**
 * The user pool domain's {@code POST /oauth2/token} (authorization code grant with PKCE), called with
 * the app client's id and secret (HTTP Basic, as Cognito's confidential clients do). The SDK has no call
 * for it: this is the one HTTP request of the identity functions outside the SDK.
 *
 * <p>Cognito answers a code it will not take with 400 {@code invalid_grant} (unknown, spent, expired,
 * another redirect URI or a wrong verifier): {@code INVALID_CODE}; a sign-in the PreTokenGeneration trigger
 * refuses (a deactivated account) the same. 429 is {@code LIMIT_EXCEEDED}. Anything else (an unknown client,
 * a 5xx) is a fault of the set-up or of Cognito: an exception, a 500.
 */
public final class CognitoTokenEndpoint implements AuthorizationCodeExchange {
  private static final String SERVICE = "Cognito's token endpoint";

  private final HttpClient http;
  private final URI tokenEndpoint;
  private final String clientId;
  private final String clientSecret;

  /** {@code domain}: the pool domain's base URL, e.g. {@code https://klantportaal-prod-1.auth.eu-west-1.amazoncognito.com}. */
  public CognitoTokenEndpoint(HttpClient http, URI domain, String clientId, String clientSecret) {
    this.http = http;
    this.tokenEndpoint = URI.create(domain.toString().replaceAll("/+$", "") + "/oauth2/token");
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  public static HttpClient defaultClient() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public IdentityProvider.Tokens exchange(String code, String codeVerifier, String redirectUri) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("client_id", clientId);
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    form.put("code_verifier", codeVerifier);
    String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    String basic = Base64.getEncoder().encodeToString((encode(clientId) + ":" + encode(clientSecret))
        .getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", "Basic " + basic)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ServiceUnavailable(SERVICE, "The user pool's token endpoint " + tokenEndpoint + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while exchanging an authorization code", e);
    }
    if (response.statusCode() >= 500) {
      throw new ServiceUnavailable(SERVICE, "The user pool's token endpoint answered " + response.statusCode());
    }
    JsonTree answer = parse(response.body());
    if (response.statusCode() == 200) {
      String idToken = answer.path("id_token").text("");
      String accessToken = answer.path("access_token").text("");
      if (idToken.isEmpty() || accessToken.isEmpty()) {
        throw new IllegalStateException("The token endpoint answered 200 without an ID or access token");
      }
      String refresh = answer.path("refresh_token").text("");
      return new IdentityProvider.Tokens(idToken, accessToken, refresh.isEmpty() ? Optional.empty() : Optional.of(refresh),
          answer.path("expires_in").integer(900));
    }
    String error = answer.path("error").text("");
    if (response.statusCode() == 429) {
      throw new DomainException.Refused(DomainException.Refused.Reason.LIMIT_EXCEEDED);
    }
    if (response.statusCode() == 400 && (error.equals("invalid_grant") || error.equals("invalid_request"))) {
      throw new DomainException.Refused(DomainException.Refused.Reason.INVALID_CODE);
    }
    throw new IllegalStateException("The user pool's token endpoint answered " + response.statusCode() + " "
        + (error.isEmpty() ? "(no error code)" : error));
  }

  private static JsonTree parse(String body) {
    try {
      return JsonTree.parse(body.isBlank() ? "{}" : body);
    } catch (Json.Unreadable e) {
      return JsonTree.parse("{\"error\": \"unreadable answer\"}");
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
