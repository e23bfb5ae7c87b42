package nl.klantportaal.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP API JWT authorizer against cognito-local: RS256 signature by a key of the pool's JWKS,
 * issuer, audience (one of the configured client ids), expiry and {@code token_use = id}. A Cognito
 * issuer of the template ({@code https://cognito-idp.<region>.amazonaws.com/<pool>}) is mapped to
 * cognito-local's issuer for the same pool.
 */
public final class JwtAuthorizer {

  private static final Pattern COGNITO_ISSUER = Pattern.compile("https://cognito-idp\\.[a-z0-9-]+\\.amazonaws\\.com/(.+)");

  private final String name;
  private final String issuer;
  private final Set<String> audiences;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  /** The JWT claims API Gateway passes on: every value as a string. */
  public record Verified(Map<String, String> claims, List<String> scopes) {}

  public JwtAuthorizer(String name, String templateIssuer, List<String> audiences, URI cognitoEndpoint) {
    this.name = name;
    Matcher cognito = COGNITO_ISSUER.matcher(templateIssuer);
    this.issuer = cognito.matches() ? cognitoEndpoint + "/" + cognito.group(1) : templateIssuer;
    this.audiences = Set.copyOf(audiences);
    try {
      JWKSource<SecurityContext> keys = JWKSourceBuilder
          .create(URI.create(issuer + "/.well-known/jwks.json").toURL())
          .retrying(true)
          .build();
      processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    } catch (MalformedURLException e) {
      throw new StartFailure("Authorizer " + name + " has an invalid issuer " + issuer, e);
    }
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
        new JWTClaimsSet.Builder().issuer(issuer).claim("token_use", "id").build(),
        Set.of("exp", "iat", "sub", "aud")));
  }

  public String name() {
    return name;
  }

  public String issuer() {
    return issuer;
  }

  /** The token's claims when it passes every check; empty means 401. */
  public Optional<Verified> verify(Optional<String> authorizationHeader) {
    if (authorizationHeader.isEmpty()) {
      return Optional.empty();
    }
    String token = authorizationHeader.get().trim();
    if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = token.substring(7).trim();
    }
    try {
      JWTClaimsSet claims = processor.process(token, null);
      if (claims.getAudience().stream().noneMatch(audiences::contains)) {
        return Optional.empty();
      }
      Map<String, String> strings = new TreeMap<>();
      claims.getClaims().forEach((key, value) -> strings.put(key, asApiGatewayString(value)));
      String scope = claims.getStringClaim("scope");
      return Optional.of(new Verified(strings, scope == null ? List.of() : List.of(scope.split(" "))));
    } catch (ParseException | BadJOSEException | JOSEException e) {
      return Optional.empty();
    }
  }

  /** API Gateway renders numbers as digits, dates as epoch seconds and arrays as {@code [a b]}. */
  private static String asApiGatewayString(Object value) {
    return switch (value) {
      case java.util.Date date -> Long.toString(date.toInstant().getEpochSecond());
      case List<?> list -> "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]";
      default -> String.valueOf(value);
    };
  }
}
