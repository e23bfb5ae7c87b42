package nl.klantportaal.notifications.usecase;

import nl.klantportaal.notifications.domain.MailRoute;

/** A mail route as the API answers it, with the version a change of it sends. */
public record MailRouteView(String domain, String configurationSet, String senderAddress, String updatedAt, String updatedBy,
    long version) {
  public static MailRouteView of(MailRoute route) {
    return new MailRouteView(route.domain(), route.configurationSet(), route.senderAddress(), route.updatedAt().toString(),
        route.updatedBy(), route.version());
  }
}
