package nl.klantportaal.privacy.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.audit.AuditTrail;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.notifications.port.MailArchive;
import nl.klantportaal.privacy.domain.PersonalArchive;
import nl.klantportaal.ticketing.port.PersonalTicketData;

/**
 * A provider admin downloads everything the portal holds about one person (GDPR art. 15 and 20):
 * {@link PersonalArchive}. The export itself is audited ({@code user.exported}, the admin as actor).
 */
public final class ExportPersonalData {
  private final UserRepository users;
  private final PersonalTicketData tickets;
  private final MailArchive mails;
  private final AuditTrail audit;
  private final Clock clock;

  public ExportPersonalData(UserRepository users, PersonalTicketData tickets, MailArchive mails, AuditTrail audit,
      Clock clock) {
    this.users = users;
    this.tickets = tickets;
    this.mails = mails;
    this.audit = audit;
    this.clock = clock;
  }

  public PersonalArchive execute(Caller admin, UserId person) {
    UserProfile profile = users.find(person).orElseThrow(() -> new DomainException.NotFound("User " + person.value()));
    Instant now = clock.instant();
    audit.record(AuditRecord.of(now, admin.userId().value(), "user.exported", AuditObject.user(person.value())));
    var archive = new PersonalArchive(PersonalArchive.FORMAT, now, admin.userId().value(), profile(profile),
        tickets.tickets(person, customerOf(profile)),
        new PersonalArchive.Audit(all(page -> audit.byActor(person.value(), page)),
            all(page -> audit.ofObject(AuditObject.user(person.value()), page))),
        mails.to(person.value()));
    return archive;
  }

  /** The customer the person belongs or belonged to (a deactivated account keeps its former one). */
  static Optional<TenantId> customerOf(UserProfile profile) {
    return profile.membership() instanceof Membership.Deactivated d ? d.formerCustomer() : profile.membership().tenant();
  }

  private static PersonalArchive.Profile profile(UserProfile p) {
    return new PersonalArchive.Profile(p.id().value(), p.email(), p.name().first(), p.name().last(), p.name().display(),
        p.language().tag(), p.membership().role().wireName(), customerOf(p).map(TenantId::value), !p.isDeactivated(),
        p.mfaEnrolled(), p.createdAt(), p.updatedAt());
  }

  private static List<PersonalArchive.Entry> all(Function<PageRequest, Page<AuditRecord>> read) {
    List<PersonalArchive.Entry> entries = new ArrayList<>();
    PageRequest page = PageRequest.first(100);
    while (true) {
      Page<AuditRecord> found = read.apply(page);
      found.items().forEach(r -> entries.add(new PersonalArchive.Entry(r.at(), r.actorId(), r.action(), r.object().kind(),
          r.object().id(), r.details())));
      if (found.nextCursor().isEmpty()) {
        return entries;
      }
      page = new PageRequest(found.nextCursor(), 100);
    }
  }
}
