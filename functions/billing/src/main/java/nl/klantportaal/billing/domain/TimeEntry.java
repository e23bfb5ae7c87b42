package nl.klantportaal.billing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;

/**
 * One line of the time ledger. A registration books one or more lines (one per bundle it draws on,
 * and its overflow); a correction adds a reversal line per original line (negative minutes, same
 * status, {@code reverses} naming it) and books the replacement as a new registration. Lines are
 * never edited but for the invoice status (by the invoices context) and the {@code correctedBy} mark
 * that keeps a line from being corrected twice.
 */
public record TimeEntry(
    String registrationId,
    int line,
    TenantId tenant,
    LocalDate date,
    int minutes,
    int registeredMinutes,
    RegistrationType type,
    InvoiceStatus status,
    boolean overflow,
    UserId agent,
    String agentName,
    String description,
    Optional<String> internalNote,
    Optional<Long> ticket,
    Optional<String> reverses,
    Optional<String> correctedBy,
    Instant createdAt) {

  /** The line's id: the registration and the line number ({@code 2026-12-05.k3j9pq.1}). */
  public String id() {
    return registrationId + "." + line;
  }

  public boolean isReversal() {
    return reverses.isPresent();
  }

  /** The reversal of this line, booked by the correction {@code correctionId} at {@code at}. */
  public TimeEntry reversal(String correctionId, int reversalLine, UserId by, String byName, Instant at) {
    return new TimeEntry(correctionId, reversalLine, tenant, date, -minutes, registeredMinutes, type, status, overflow, by, byName,
        description, internalNote, ticket, Optional.of(id()), Optional.empty(), at);
  }
}
