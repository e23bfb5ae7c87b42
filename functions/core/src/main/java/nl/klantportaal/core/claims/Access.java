package nl.klantportaal.core.claims;

import java.util.function.Predicate;

/** The permission a route declares next to itself; checked before the use case runs. */
public enum Access {
  /** No token needed (the route says {@code Auth: Authorizer: NONE} in template.yaml). */
  PUBLIC(caller -> true),
  /** Any verified token, including a pending user without a customer. */
  SIGNED_IN(caller -> true),
  /** A user linked to a customer, either role. */
  CUSTOMER(caller -> caller.role().isCustomer()),
  CUSTOMER_ADMIN(caller -> caller.role() == Role.CUSTOMER_ADMIN),
  /** Provider agents and admins. */
  PROVIDER_STAFF(caller -> caller.role().isProviderStaff()),
  PROVIDER_ADMIN(caller -> caller.role() == Role.PROVIDER_ADMIN),
  /** Anyone linked: customers of their own tenant, or provider staff. */
  LINKED(caller -> caller.role() != Role.NONE);

  private final Predicate<Caller> rule;

  Access(Predicate<Caller> rule) {
    this.rule = rule;
  }

  public boolean permits(Caller caller) {
    return rule.test(caller);
  }
}
