package nl.klantportaal.ticketing.port;

/**
 * What another context writes in the same transaction as a new ticket or a ticket change (the SLA
 * context: the ticket's SLA record, its timed events and the mails they announce). Tickets never
 * look inside: their repository's adapter hands it to the writer it was wired with, and a
 * {@link TicketCompanion} decides what it is.
 */
public interface CompanionWrite {}
