package nl.klantportaal.ticketing.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.Attributes;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import static nl.klantportaal.core.adapter.dynamodb.Attributes.number;
import static nl.klantportaal.core.adapter.dynamodb.Attributes.string;

import java.time.Instant;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.ticketing.domain.AttachmentKind;
import nl.klantportaal.ticketing.domain.PendingUpload;
import nl.klantportaal.ticketing.domain.TicketAttachment;
import nl.klantportaal.ticketing.domain.TicketNumber;
import nl.klantportaal.ticketing.domain.TicketRef;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

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

  static final TableSchema<AttachmentItem> SCHEMA;

  static {
    StaticTableSchema.Builder<AttachmentItem> b =
        StaticTableSchema.builder(AttachmentItem.class).newItemSupplier(AttachmentItem::new);
    Attributes.key(b, i -> i.pk, (i, v) -> i.pk = v, i -> i.sk, (i, v) -> i.sk = v);
    string(b, "type", i -> i.type, (i, v) -> i.type = v);
    string(b, "tenantId", i -> i.tenantId, (i, v) -> i.tenantId = v);
    number(b, "number", i -> i.number, (i, v) -> i.number = v);
    string(b, "id", i -> i.id, (i, v) -> i.id = v);
    string(b, "fileName", i -> i.fileName, (i, v) -> i.fileName = v);
    string(b, "contentType", i -> i.contentType, (i, v) -> i.contentType = v);
    number(b, "size", i -> i.size, (i, v) -> i.size = v);
    string(b, "uploadedBy", i -> i.uploadedBy, (i, v) -> i.uploadedBy = v);
    string(b, "uploadedByName", i -> i.uploadedByName, (i, v) -> i.uploadedByName = v);
    string(b, "at", i -> i.at, (i, v) -> i.at = v);
    number(b, "expiresAt", i -> i.expiresAt, (i, v) -> i.expiresAt = v);
    SCHEMA = b.build();
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
