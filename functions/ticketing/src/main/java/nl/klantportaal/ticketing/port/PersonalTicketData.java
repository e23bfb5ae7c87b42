package nl.klantportaal.ticketing.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;

/**
 * What the ticket context holds about one person, for a GDPR export and erasure (docs/privacy.md):
 * the tickets the person reported or is involved in (keyed by their customer) and those they wrote a
 * message or note in (the author index, GSI5 {@code AUTHOR#<sub>}), each read whole by its key.
 */
public interface PersonalTicketData {

  /** Those tickets, each with its public conversation and the person's own internal notes, oldest message first. */
  List<PersonalTicket> tickets(UserId person, Optional<TenantId> customer);

  /**
   * In those tickets, replaces the person's name (as reporter, as author of messages and notes, as
   * uploader of attachments) by {@code formerName} of the ticket's customer; ids, texts and the
   * tickets themselves stay. A ticket header is changed on its version (a concurrent change of the
   * ticket then reloads). Answers the number of items changed.
   */
  int replaceName(UserId person, Optional<TenantId> customer, Function<TenantId, String> formerName);

  record PersonalTicket(String token, String title, String status, Instant createdAt, boolean reported,
      List<PersonalMessage> messages) {
    public PersonalTicket {
      messages = List.copyOf(messages);
    }
  }

  record PersonalMessage(Instant at, String authorId, String authorSide, String body, boolean internal) {}
}
