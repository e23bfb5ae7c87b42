package nl.klantportaal.billing.usecase;

import java.util.Optional;
import nl.klantportaal.billing.domain.InvoiceStatus;
import nl.klantportaal.billing.domain.TimeEntry;
import nl.klantportaal.core.shared.domain.Language;

/** One ledger line as the API shows it; the internal note only to provider staff. */
public record EntryView(
    String id,
    String registrationId,
    String date,
    int minutes,
    int registeredMinutes,
    String type,
    String typeLabel,
    String invoiceStatus,
    String invoiceStatusLabel,
    Optional<String> invoiceNumber,
    Optional<String> bundleId,
    boolean overflow,
    String agentName,
    String description,
    Optional<String> internalNote,
    Optional<Long> ticketNumber,
    Optional<String> reverses,
    Optional<String> correctedBy) {

  public static EntryView of(TimeEntry e, Language language, boolean staff) {
    return new EntryView(e.id(), e.registrationId(), e.date().toString(), e.minutes(), e.registeredMinutes(),
        e.type().wireName(), e.type().label().in(language), e.status().wireName(), e.status().label().in(language),
        e.status() instanceof InvoiceStatus.Invoiced i ? Optional.of(i.invoiceNumber()) : Optional.empty(),
        e.status() instanceof InvoiceStatus.InBundle b ? Optional.of(b.bundleId()) : Optional.empty(),
        e.overflow(), e.agentName(), e.description(), staff ? e.internalNote() : Optional.empty(), e.ticket(), e.reverses(),
        e.correctedBy());
  }
}
