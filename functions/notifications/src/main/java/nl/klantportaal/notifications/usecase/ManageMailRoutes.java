package nl.klantportaal.notifications.usecase;

import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import java.time.Clock;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.notifications.domain.MailRoute;
import nl.klantportaal.notifications.port.MailRoutes;

/** Provider admins list, set and remove the per-domain mail routes. */
public final class ManageMailRoutes {
  private final MailRoutes routes;
  private final Clock clock;

  public ManageMailRoutes(MailRoutes routes, Clock clock) {
    this.routes = routes;
    this.clock = clock;
  }

  public Page<MailRoute> list(PageRequest page) {
    return routes.list(page);
  }

  /** Creates or replaces the route of a domain. */
  public MailRoute put(String domain, MailRouteInput input, Caller caller) {
    MailRouteInput.Valid valid = input.validate(domain);
    MailRoute route = new MailRoute(valid.domain(), valid.configurationSet(), valid.senderAddress(), clock.instant(),
        caller.userId().value());
    routes.put(route);
    return route;
  }

  public void delete(String domain, Caller caller) {
    Validation v = new Validation();
    String checked = v.domain("domain", domain).orElse("");
    v.throwIfInvalid();
    if (!routes.delete(checked, AuditRecord.of(clock.instant(), caller.userId().value(), "mail-route-deleted",
        new AuditObject("mail-route", checked)))) {
      throw new DomainException.NotFound("Mail route for " + checked);
    }
  }
}
