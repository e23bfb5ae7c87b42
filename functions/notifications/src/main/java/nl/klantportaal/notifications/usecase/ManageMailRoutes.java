package nl.klantportaal.notifications.usecase;

import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import java.time.Clock;
import java.util.Optional;
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

  /**
   * Sets the route of a domain, one version on. REPLACE (a PUT with the body's {@code version}) holds only while the
   * stored route is at that version: 0 for a domain without a route (or with one stored before routes had versions); a
   * stale one is 409 version-conflict. CREATE (If-None-Match: *) holds only for a domain without any route: 409
   * already-exists otherwise. Refused, nothing is written, nor audited.
   */
  public MailRoute put(String domain, MailRouteInput input, MailRoutes.Mode mode, Caller caller) {
    MailRouteInput.Valid valid = input.validate(domain, mode);
    MailRoute route = new MailRoute(valid.domain(), valid.configurationSet(), valid.senderAddress(), clock.instant(),
        caller.userId().value(), valid.readVersion() + 1);
    if (!routes.put(route, mode)) {
      throw mode == MailRoutes.Mode.CREATE
          ? new DomainException.Conflict(DomainException.Conflict.Kind.ALREADY_EXISTS,
              "The domain " + route.domain() + " has a mail route already: change that one instead")
          : new DomainException.Conflict(DomainException.Conflict.Kind.VERSION,
              "The mail route for " + route.domain() + " was changed or removed by someone else; read it again and redo"
                  + " your change on its new version");
    }
    return route;
  }

  /**
   * Removes a domain's route if it is still at {@code version}, the one read (the query's {@code ?version=}, required
   * as for a change): a route changed meanwhile is 409 version-conflict, so a removal never takes away a change its
   * author did not see; a route that is not there is 404. Refused, nothing is removed, nor audited.
   */
  public void delete(String domain, Optional<String> version, Caller caller) {
    Validation v = new Validation();
    String checked = v.domain("domain", domain).orElse("");
    v.check(version.isPresent(), "version", "required", "is required: the version of the route you read (?version=)");
    // ASCII digits only, as ?limit= (Long.parseLong would also read "+3")
    v.check(version.isEmpty() || version.get().matches("[0-9]{1,18}"), "version", "format", "must be a whole number, 0 or more");
    v.throwIfInvalid();
    long read = Long.parseLong(version.orElseThrow());
    if (!routes.delete(checked, read, AuditRecord.of(clock.instant(), caller.userId().value(), "mail-route-deleted",
        new AuditObject("mail-route", checked)))) {
      if (routes.find(checked).isEmpty()) {
        throw new DomainException.NotFound("Mail route for " + checked);
      }
      throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION, "The mail route for " + checked
          + " was changed by someone else; read it again and remove it on its new version");
    }
  }
}
