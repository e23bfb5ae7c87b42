package nl.klantportaal.core.api;

import nl.klantportaal.core.claims.Access;

/**
 * One API route: the route key exactly as template.yaml declares it ({@code "GET /customers/{customerId}"}),
 * the permission it needs, whether it is reachable before MFA enrolment, and what it does.
 */
public record Route(String routeKey, Access access, boolean allowedBeforeMfa, Handler handler) {

  @FunctionalInterface
  public interface Handler {
    ApiResponse handle(ApiRequest request);
  }

  public static Route of(String routeKey, Access access, Handler handler) {
    return new Route(routeKey, access, access == Access.PUBLIC, handler);
  }

  /** The few routes a signed-in user may call before enrolling MFA (enrolment, sign-out, own profile). */
  public Route beforeMfa() {
    return new Route(routeKey, access, true, handler);
  }
}
