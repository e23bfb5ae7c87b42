package nl.klantportaal.identity.handler;

import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import nl.klantportaal.core.api.ApiProblem;
import nl.klantportaal.core.api.ApiRequest;
import nl.klantportaal.core.api.JsonTree;
import nl.klantportaal.core.api.ProblemType;
import nl.klantportaal.core.claims.UserId;

/**
 * The session cookie: the refresh token, with the user it belongs to (Cognito's SECRET_HASH of a
 * refresh needs the user name, the {@code sub}), in a cookie scripts cannot read
 * ({@code HttpOnly}), sent only over HTTPS ({@code Secure}), never on a request another site starts
 * ({@code SameSite=Strict}) and only to the /auth routes ({@code Path=/auth}). It lives as long as
 * the app client's refresh token ({@code RefreshTokenValidity} in template.yaml, checked by
 * TemplateContractTest). The routes that read it also need the {@code X-Requested-With} header, which
 * no form and no cross-origin request without a CORS preflight can send.
 */
public final class SessionCookie {
  public static final String NAME = "kp_session";
  /** The app client's RefreshTokenValidity (30 days). */
  public static final Duration MAX_AGE = Duration.ofDays(30);
  public static final String CSRF_HEADER = "x-requested-with";
  private static final String ATTRIBUTES = "; Path=/auth; Secure; HttpOnly; SameSite=Strict";
  private static final int MAX_LENGTH = 8192;

  /** What the cookie holds. */
  public record Session(UserId user, String refreshToken) {}

  private SessionCookie() {}

  /** The Set-Cookie value that keeps a refresh token for the user of this ID token (just issued by Cognito). */
  public static String set(String idToken, String refreshToken) {
    return NAME + "=" + subjectOf(idToken) + "." + refreshToken + "; Max-Age=" + MAX_AGE.toSeconds() + ATTRIBUTES;
  }

  /** The Set-Cookie value that makes the browser forget the session. */
  public static String clear() {
    return NAME + "=; Max-Age=0" + ATTRIBUTES;
  }

  /** Refuses a cookie-reading request without the header a cross-site form or fetch cannot send. */
  public static void requireSameOriginScript(ApiRequest request) {
    if (request.header(CSRF_HEADER).filter(v -> !v.isBlank()).isEmpty()) {
      throw new ApiProblem(ProblemType.FORBIDDEN, "This route needs the X-Requested-With header");
    }
  }

  /** The session of the request's cookie; empty when there is none or it is not one of ours. */
  public static Optional<Session> read(ApiRequest request) {
    return request.cookie(NAME).flatMap(value -> {
      int dot = value.indexOf('.');
      if (dot <= 0 || dot == value.length() - 1 || value.length() > MAX_LENGTH) {
        return Optional.empty();
      }
      String sub = value.substring(0, dot);
      String token = value.substring(dot + 1);
      if (!sub.matches("[A-Za-z0-9-]{1,128}") || !token.matches("[A-Za-z0-9._~+/=-]+")) {
        return Optional.empty();
      }
      return Optional.of(new Session(new UserId(sub), token));
    });
  }

  /** The {@code sub} of an ID token Cognito has just issued to this function (not a token a caller sent). */
  static String subjectOf(String idToken) {
    String[] parts = idToken.split("\\.");
    if (parts.length < 2) {
      throw new IllegalStateException("Cognito issued an ID token that is not a JWT");
    }
    JsonTree claims;
    try {
      claims = JsonTree.parse(Base64.getUrlDecoder().decode(parts[1]));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Cognito issued an ID token whose claims cannot be read", e);
    }
    String sub = claims.path("sub").text("");
    if (!sub.matches("[A-Za-z0-9-]{1,128}")) {
      throw new IllegalStateException("Cognito issued an ID token without a usable sub");
    }
    return sub;
  }
}
