package nl.klantportaal.ticketing.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.ItemSchema;
import nl.klantportaal.core.adapter.dynamodb.Keys;

import java.time.Instant;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.ticketing.domain.AttachmentKind;
import nl.klantportaal.ticketing.domain.PendingUpload;
import nl.klantportaal.ticketing.domain.TicketAttachment;
import nl.klantportaal.ticketing.domain.TicketNumber;
import nl.klantportaal.ticketing.domain.TicketRef;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The two attachment items of a ticket's partition: {@code STAFF#UPLOAD#<id>} (type {@code Upload},
 * an announced upload with TTL {@code expiresAt}) and {@code PUB#ATTACHMENT#<id>} (type
 * {@code Attachment}, a checked file). Both carry the same description of the file.
 */
final class AttachmentItem {
  static final String UPLOAD = "Upload";
  static final String ATTACHMENT = "Attachment";

  String pk;
  String sk;
  String type;
  String tenantId;
  Long number;
  String id;
  String fileName;
  String contentType;
  Long size;
  String uploadedBy;
  String uploadedByName;
  String at;
  Long expiresAt;

  static final TableSchema<AttachmentItem> SCHEMA = new Schema();

  /** Written by hand, without a lambda per attribute ({@link ItemSchema}). */
  private static final class Schema extends ItemSchema<AttachmentItem> {
    Schema() {
      super(AttachmentItem.class, Metadata.keys(), new AttachmentItem());
    }

    @Override
    protected void write(AttachmentItem i, Out out) {
      out
          .string(Keys.PK, i.pk)
          .string(Keys.SK, i.sk)
          .string("type", i.type)
          .string("tenantId", i.tenantId)
          .number("number", i.number)
          .string("id", i.id)
          .string("fileName", i.fileName)
          .string("contentType", i.contentType)
          .number("size", i.size)
          .string("uploadedBy", i.uploadedBy)
          .string("uploadedByName", i.uploadedByName)
          .string("at", i.at)
          .number("expiresAt", i.expiresAt);
    }

    @Override
    protected AttachmentItem read(In in) {
      AttachmentItem i = new AttachmentItem();
      i.pk = in.string(Keys.PK);
      i.sk = in.string(Keys.SK);
      i.type = in.string("type");
      i.tenantId = in.string("tenantId");
      i.number = in.number("number");
      i.id = in.string("id");
      i.fileName = in.string("fileName");
      i.contentType = in.string("contentType");
      i.size = in.number("size");
      i.uploadedBy = in.string("uploadedBy");
      i.uploadedByName = in.string("uploadedByName");
      i.at = in.string("at");
      i.expiresAt = in.number("expiresAt");
      return i;
    }
  }

  private static AttachmentItem of(TicketRef ref, String sk, String type, String id, String fileName, AttachmentKind kind,
      long size, UserId uploadedBy, String uploadedByName, Instant at) {
    AttachmentItem i = new AttachmentItem();
    i.pk = TicketKeys.ticket(ref);
    i.sk = sk;
    i.type = type;
    i.tenantId = ref.tenant().value();
    i.number = ref.number().value();
    i.id = id;
    i.fileName = fileName;
    i.contentType = kind.contentType();
    i.size = size;
    i.uploadedBy = uploadedBy.value();
    i.uploadedByName = uploadedByName;
    i.at = at.toString();
    return i;
  }

  static AttachmentItem upload(PendingUpload u) {
    AttachmentItem i = of(u.ticket(), Keys.upload(u.id()), UPLOAD, u.id(), u.fileName(), u.kind(), u.size(), u.uploadedBy(),
        u.uploadedByName(), u.createdAt());
    i.expiresAt = u.expiresAt().getEpochSecond();
    return i;
  }

  static AttachmentItem attachment(TicketAttachment a) {
    return of(a.ticket(), Keys.attachment(a.id()), ATTACHMENT, a.id(), a.fileName(), a.kind(), a.size(), a.uploadedBy(),
        a.uploadedByName(), a.at());
  }

  private TicketRef ref() {
    return new TicketRef(new TenantId(tenantId), new TicketNumber(number));
  }

  private AttachmentKind kind() {
    return AttachmentKind.ofContentType(contentType)
        .orElseThrow(() -> new IllegalStateException("Stored attachment " + id + " has content type " + contentType));
  }

  PendingUpload toUpload() {
    return new PendingUpload(id, ref(), fileName, kind(), size, new UserId(uploadedBy), uploadedByName, Instant.parse(at),
        Instant.ofEpochSecond(expiresAt));
  }

  TicketAttachment toAttachment() {
    return new TicketAttachment(id, ref(), fileName, kind(), size, new UserId(uploadedBy), uploadedByName, Instant.parse(at));
  }
}
