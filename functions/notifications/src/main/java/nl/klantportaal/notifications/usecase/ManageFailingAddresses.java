package nl.klantportaal.notifications.usecase;

import java.time.Clock;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.notifications.domain.FailingAddress;
import nl.klantportaal.notifications.port.FailingAddresses;

/**
 * What staff see of the addresses mail no longer goes to, and a provider admin's clearing of one (the
 * person fixed their mailbox): the next mail to it is sent again.
 */
public final class ManageFailingAddresses {
  private final FailingAddresses failing;
  private final Clock clock;

  public ManageFailingAddresses(FailingAddresses failing, Clock clock) {
    this.failing = failing;
    this.clock = clock;
  }

  public record View(String id, String address, String reason, String reasonLabel, String detail, String since) {
    static View of(FailingAddress f, Language reader) {
      return new View(f.id(), f.address(), f.reason().wireName(), f.reason().label().in(reader), f.detail(), f.since().toString());
    }
  }

  public Page<View> list(PageRequest page, Language reader) {
    Page<FailingAddress> found = failing.list(page);
    return new Page<>(found.items().stream().map(f -> View.of(f, reader)).toList(), found.nextCursor());
  }

  /** Clears the address with this id (its SHA-256); 404 when no such address is marked. */
  public void clear(String id, Caller caller) {
    if (!id.matches("[0-9a-f]{64}") || !failing.clear(id, AuditRecord.of(clock.instant(), caller.userId().value(),
        "failing-address-cleared", new AuditObject("failing-address", id)))) {
      throw new DomainException.NotFound("Failing address");
    }
  }
}
