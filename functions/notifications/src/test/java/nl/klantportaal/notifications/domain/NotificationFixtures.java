package nl.klantportaal.notifications.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.ticketing.domain.TicketStatus;

/** People and a ticket for the notification unit tests. */
final class NotificationFixtures {
  static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
  static final TenantId ACME = new TenantId("acme-fixture");
  static final UserId REPORTER = new UserId("reporter");
  static final UserId INVOLVED = new UserId("involved");
  static final UserId AGENT = new UserId("agent");
  static final UserId ADMIN = new UserId("admin");

  private NotificationFixtures() {}

  static UserProfile customer(UserId id, Language language) {
    return new UserProfile(id, id.value() + "@acme.example.test", new UserProfile.PersonName("F", "L", "Name " + id.value()),
        language, new Membership.CustomerMember(ACME, Role.CUSTOMER_USER), true, AccountSettings.DEFAULT, NOW, NOW, 1);
  }

  static UserProfile staff(UserId id, Language language) {
    return new UserProfile(id, id.value() + "@provider.example.test", new UserProfile.PersonName("F", "L", "Staff " + id.value()),
        language, new Membership.ProviderStaff(Role.PROVIDER_AGENT), true, AccountSettings.DEFAULT, NOW, NOW, 1);
  }

  static TicketSnapshot ticket(TicketStatus status, String lastChangeBy, Optional<UserId> assignee) {
    return new TicketSnapshot(ACME, 42, "acme-fixture-42", "Printer <2> & jams", "It <b>jams</b>", status, REPORTER,
        List.of(INVOLVED), assignee, lastChangeBy);
  }

  static Recipient recipient(Language language, boolean agent) {
    return new Recipient(REPORTER, "reporter@acme.example.test", "Jan <de> Vries", language, agent);
  }
}
