package nl.klantportaal.sla.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.klantportaal.notifications.domain.OutboxEntry;
import nl.klantportaal.ticketing.port.CompanionWrite;

/**
 * The SLA record of a ticket before and after one ticket change, written in the change's transaction:
 * the record conditional on {@code before}'s version (absent: on no record), due-index entries of
 * events no longer pending removed, new or moved ones put, and the mails the change announces (the
 * waiting policy's reminder or priority drop) put into the outbox in the same transaction, PENDING
 * until {@code mailLeaseUntil} — so a change that loses its race mails nothing, and one that is
 * written never loses its mail.
 */
public record SlaChange(Optional<SlaRecord> before, SlaRecord after, List<OutboxEntry> mails, Instant mailLeaseUntil)
    implements CompanionWrite {
  public SlaChange {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(mailLeaseUntil, "mailLeaseUntil");
    mails = List.copyOf(mails);
  }

  /** A change that mails nothing. */
  public SlaChange(Optional<SlaRecord> before, SlaRecord after) {
    this(before, after, List.of(), Instant.EPOCH);
  }
}
