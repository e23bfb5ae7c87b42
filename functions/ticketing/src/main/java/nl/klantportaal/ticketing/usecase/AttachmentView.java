package nl.klantportaal.ticketing.usecase;

import java.time.Instant;
import nl.klantportaal.ticketing.domain.TicketAttachment;

/** An attachment as the API shows it; the bytes are fetched through a presigned download link. */
public record AttachmentView(String id, String fileName, String contentType, long size, String uploadedBy,
    String uploadedByName, Instant at) {

  public static AttachmentView of(TicketAttachment a) {
    return new AttachmentView(a.id(), a.fileName(), a.kind().contentType(), a.size(), a.uploadedBy().value(),
        a.uploadedByName(), a.at());
  }
}
