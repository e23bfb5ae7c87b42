package nl.klantportaal.core.claims;

import java.util.Map;
import java.util.Optional;

/**
 * The claims the portal trusts, as the HTTP API's JWT authorizer hands them over (all values are
 * strings there). {@code kp_*} claims are set only by the PreTokenGeneration trigger from the
 * portal's own DynamoDB records: no Cognito attribute can carry these names, so a user cannot
 * write them. Anything unexpected yields a pending caller without MFA rather than more rights.
 */
public final class ClaimContract {
  public static final String SUBJECT = "sub";
  public static final String EMAIL = "email";
  public static final String TENANT = "kp_tenant";
  public static final String ROLE = "kp_role";
  public static final String MFA = "kp_mfa";
  public static final String TOKEN_USE = "token_use";

  private ClaimContract() {}

  /** Empty when there is no usable subject: the request is then unauthenticated. */
  public static Optional<Caller> caller(Map<String, String> claims) {
    String sub = claims.get(SUBJECT);
    if (sub == null || sub.isBlank() || sub.length() > 128) {
      return Optional.empty();
    }
    if (claims.containsKey(TOKEN_USE) && !"id".equals(claims.get(TOKEN_USE))) {
      return Optional.empty();
    }
    Role role = Optional.ofNullable(claims.get(ROLE)).flatMap(Role::fromWire).orElse(Role.NONE);
    Optional<TenantId> tenant = Optional.ofNullable(claims.get(TENANT)).filter(TenantId::isValid).map(TenantId::new);
    if (role.isCustomer() && tenant.isEmpty()) {
      role = Role.NONE;
    }
    if (!role.isCustomer()) {
      tenant = Optional.empty();
    }
    boolean mfa = "true".equals(claims.get(MFA));
    Optional<String> email = Optional.ofNullable(claims.get(EMAIL)).filter(e -> !e.isBlank());
    return Optional.of(new Caller(new UserId(sub), tenant, role, mfa, email));
  }
}
