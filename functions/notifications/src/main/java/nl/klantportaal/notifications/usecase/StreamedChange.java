package nl.klantportaal.notifications.usecase;

import nl.klantportaal.notifications.domain.TicketChange;

/**
 * One record of the table's stream as the notifications read it: a customer-visible ticket change to
 * mail, or a record that means nothing to them, with the reason (logged at debug).
 */
public sealed interface StreamedChange {
  record Change(TicketChange change) implements StreamedChange {}

  record Ignored(String reason) implements StreamedChange {}
}
