package nl.klantportaal.privacy.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.port.CustomerRepository;
import nl.klantportaal.accounts.identity.domain.AuditEntry;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.UserDirectory;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.notifications.port.MailArchive;
import nl.klantportaal.privacy.domain.FormerUser;
import nl.klantportaal.ticketing.port.PersonalTicketData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider admin erases a person (GDPR art. 17), confirming by typing the person's address: the
 * person's name in tickets becomes "former user" (in the ticket's customer's language), the mail sent
 * to them leaves the outbox, the account leaves the user pool, and last the profile (the one item
 * with their name and address) is deleted with the audit entry {@code user.erased} in one
 * transaction. Tickets, messages' texts and audit entries (ids only) stay for the people who need them.
 * Every step can run again, so an interrupted erasure is finished by repeating it.
 */
public final class ErasePerson {
  private static final Logger LOG = LoggerFactory.getLogger(ErasePerson.class);
  private final UserRepository users;
  private final CustomerRepository customers;
  private final UserDirectory directory;
  private final PersonalTicketData tickets;
  private final MailArchive mails;
  private final Clock clock;

  public ErasePerson(UserRepository users, CustomerRepository customers, UserDirectory directory,
      PersonalTicketData tickets, MailArchive mails, Clock clock) {
    this.users = users;
    this.customers = customers;
    this.directory = directory;
    this.tickets = tickets;
    this.mails = mails;
    this.clock = clock;
  }

  /** The body of the erase request: the person's address, typed again, and the profile version read. */
  public record Input(String email, Long version) {}

  public record Result(String userId, int ticketItemsRenamed, int mailsDeleted, String erasedAt) {}

  public Result execute(Caller admin, UserId person, Input input) {
    Validation v = new Validation();
    Optional<String> typed = v.requiredText("email", input == null ? null : input.email(), 320);
    v.check(input != null && input.version() != null, "version", "required", "is required: the version you read");
    v.throwIfInvalid();
    UserProfile profile = users.find(person).orElseThrow(() -> new DomainException.NotFound("User " + person.value()));
    v.check(typed.orElseThrow().trim().toLowerCase(Locale.ROOT).equals(profile.email().toLowerCase(Locale.ROOT)), "email",
        "confirmation", "must be the address of the person to erase");
    v.throwIfInvalid();
    if (admin.userId().equals(person)) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE, "You cannot erase your own account");
    }
    if (profile.version() != input.version()) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION,
          "User " + person.value() + " was changed by someone else; reload and try again");
    }
    var customer = ExportPersonalData.customerOf(profile);
    int renamed = tickets.replaceName(person, customer,
        tenant -> FormerUser.in(customers.find(tenant).map(Customer::language).orElse(Language.NL)));
    int deleted = mails.forget(person.value());
    try {
      directory.deleteAccount(person);
    } catch (UserDirectory.NoSuchAccount gone) {
      LOG.info("The account of {} had left the user pool already (an earlier erasure); the profile goes now", person.value());
    }
    Instant now = clock.instant();
    users.erase(profile, new AuditEntry(now, admin.userId(), "user.erased", person, customer,
        Map.of("ticketItemsRenamed", Integer.toString(renamed), "mailsDeleted", Integer.toString(deleted))));
    return new Result(person.value(), renamed, deleted, now.toString());
  }
}
