package nl.klantportaal.ticketing.domain;

import java.time.Instant;
import nl.klantportaal.core.claims.UserId;

/** A file on a ticket, checked and out of quarantine; everyone who may see the ticket may download it. */
public record TicketAttachment(String id, TicketRef ticket, String fileName, AttachmentKind kind, long size,
    UserId uploadedBy, String uploadedByName, Instant at) {}
