package nl.klantportaal.tickets.adapter.s3;

import nl.klantportaal.ticketing.domain.TicketRef;

/**
 * Object keys of the attachments bucket, built here and nowhere else: uploads land in
 * {@code quarantine/<tenant>/<n>/<uploadId>} (expired by the bucket's lifecycle rule after a day),
 * checked files live in {@code attachments/<tenant>/<n>/<attachmentId>}.
 */
public final class ObjectKeys {
  public static final String QUARANTINE_PREFIX = "quarantine/";
  public static final String ATTACHMENTS_PREFIX = "attachments/";

  private ObjectKeys() {}

  public static String quarantine(TicketRef ticket, String uploadId) {
    return QUARANTINE_PREFIX + ticket.tenant().value() + "/" + ticket.number().value() + "/" + uploadId;
  }

  public static String attachment(TicketRef ticket, String attachmentId) {
    return ATTACHMENTS_PREFIX + ticket.tenant().value() + "/" + ticket.number().value() + "/" + attachmentId;
  }
}
