package nl.klantportaal.privacy.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.notifications.port.MailArchive.SentMail;
import nl.klantportaal.ticketing.port.PersonalTicketData.PersonalTicket;

/**
 * Everything the portal holds about one person, as the provider admin downloads it (GDPR, docs/privacy.md):
 * the profile, the tickets they reported, are involved in or wrote in with their messages, the audit
 * entries that name their id (as actor and as the object), and the mail sent to them in the last 30 days.
 */
public record PersonalArchive(String format, Instant exportedAt, String exportedBy, Profile profile,
    List<PersonalTicket> tickets, Audit audit, List<SentMail> mails) {
  public static final String FORMAT = "klantportaal-personal-data/1";

  public PersonalArchive {
    tickets = List.copyOf(tickets);
    mails = List.copyOf(mails);
  }

  public record Profile(String userId, String email, String firstName, String lastName, String displayName,
      String language, String role, Optional<String> customerId, boolean active, boolean mfaEnrolled, Instant createdAt,
      Instant updatedAt) {}

  public record Entry(Instant at, String actorId, String action, String objectKind, String objectId,
      Map<String, String> details) {}

  public record Audit(List<Entry> byThem, List<Entry> aboutThem) {
    public Audit {
      byThem = List.copyOf(byThem);
      aboutThem = List.copyOf(aboutThem);
    }
  }
}
