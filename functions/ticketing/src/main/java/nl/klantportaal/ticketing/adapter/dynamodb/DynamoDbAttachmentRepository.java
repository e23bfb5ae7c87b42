package nl.klantportaal.ticketing.adapter.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.ticketing.domain.PendingUpload;
import nl.klantportaal.ticketing.domain.TicketAttachment;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketStatus;
import nl.klantportaal.ticketing.port.AttachmentRepository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Upload announcements ({@code STAFF#UPLOAD#<id>}) and attachments ({@code PUB#ATTACHMENT#<id>}) in
 * the ticket's partition (docs/data-model.md, docs/tickets.md). The confirm is one transaction of
 * the ticket check, the attachment, the removal of the announcement and the audit entry; adding a
 * file that was never announced (a mail's) is the same without the announcement.
 */
public final class DynamoDbAttachmentRepository implements AttachmentRepository {
  private static final Expression ABSENT = Expression.builder().expression("attribute_not_exists(PK)").build();
  private static final Expression PRESENT = Expression.builder().expression("attribute_exists(PK)").build();
  private static final Expression TICKET_NOT_CLOSED = Expression.builder()
      .expression("attribute_exists(PK) AND #status <> :closed")
      .expressionNames(Map.of("#status", "status"))
      .expressionValues(Map.of(":closed", AttributeValue.fromS(TicketStatus.CLOSED.wireName())))
      .build();

  private final PortalTable table;
  private final DynamoDbTable<AttachmentItem> items;
  private final DynamoDbTable<TicketAuditItem> audits;
  private final DynamoDbTable<TicketItem> tickets;

  public DynamoDbAttachmentRepository(PortalTable table) {
    this.table = table;
    this.items = table.table(AttachmentItem.SCHEMA);
    this.audits = table.table(TicketAuditItem.SCHEMA);
    this.tickets = table.table(TicketItem.SCHEMA);
  }

  @Override
  public void announce(PendingUpload upload) {
    items.putItem(r -> r.item(AttachmentItem.upload(upload)).conditionExpression(ABSENT));
  }

  @Override
  public Optional<PendingUpload> upload(TicketRef ticket, String id) {
    return Optional.ofNullable(items.getItem(r -> r.key(key(ticket, Keys.upload(id))).consistentRead(true)))
        .filter(i -> AttachmentItem.UPLOAD.equals(i.type))
        .map(AttachmentItem::toUpload);
  }

  @Override
  public Optional<TicketAttachment> attachment(TicketRef ticket, String id) {
    return Optional.ofNullable(items.getItem(r -> r.key(key(ticket, Keys.attachment(id))).consistentRead(true)))
        .filter(i -> AttachmentItem.ATTACHMENT.equals(i.type))
        .map(AttachmentItem::toAttachment);
  }

  /** The audit entry written with an attachment change, never over an existing one. */
  private static TransactPutItemEnhancedRequest<TicketAuditItem> auditEntry(TicketRef ref, TicketAudit audit) {
    return TransactPutItemEnhancedRequest.builder(TicketAuditItem.class)
        .item(TicketAuditItem.from(ref, audit)).conditionExpression(ABSENT).build();
  }

  @Override
  public void remove(TicketAttachment attachment, TicketAudit audit) {
    TicketRef ref = attachment.ticket();
    var request = TransactWriteItemsEnhancedRequest.builder()
        .addDeleteItem(items, TransactDeleteItemEnhancedRequest.builder()
            .key(key(ref, Keys.attachment(attachment.id()))).conditionExpression(PRESENT).build())
        .addPutItem(audits, auditEntry(ref, audit))
        .build();
    try {
      table.enhanced().transactWriteItems(request);
    } catch (TransactionCanceledException e) {
      if (failed(e.cancellationReasons(), 0)) {
        throw new DomainException.NotFound("Attachment " + attachment.id());
      }
      throw e;
    }
  }

  @Override
  public void confirm(PendingUpload upload, TicketAttachment attachment, TicketAudit audit) {
    TicketRef ref = upload.ticket();
    var request = TransactWriteItemsEnhancedRequest.builder()
        .addConditionCheck(tickets, ConditionCheck.builder().key(key(ref, Keys.TICKET_SK)).conditionExpression(TICKET_NOT_CLOSED).build())
        .addPutItem(items, TransactPutItemEnhancedRequest.builder(AttachmentItem.class)
            .item(AttachmentItem.attachment(attachment)).conditionExpression(ABSENT).build())
        .addDeleteItem(items, TransactDeleteItemEnhancedRequest.builder()
            .key(key(ref, Keys.upload(upload.id()))).conditionExpression(PRESENT).build())
        .addPutItem(audits, auditEntry(ref, audit))
        .build();
    try {
      table.enhanced().transactWriteItems(request);
    } catch (TransactionCanceledException e) {
      List<CancellationReason> reasons = e.cancellationReasons();
      if (failed(reasons, 0)) {
        throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
            "Ticket " + ref + " is closed: attach the file to a follow-up ticket");
      }
      if (failed(reasons, 1) || failed(reasons, 2)) {
        throw new DomainException.NotFound("Upload " + upload.id());
      }
      throw e;
    }
  }

  @Override
  public boolean add(TicketAttachment attachment, TicketAudit audit) {
    TicketRef ref = attachment.ticket();
    var request = TransactWriteItemsEnhancedRequest.builder()
        .addConditionCheck(tickets, ConditionCheck.builder().key(key(ref, Keys.TICKET_SK)).conditionExpression(TICKET_NOT_CLOSED).build())
        .addPutItem(items, TransactPutItemEnhancedRequest.builder(AttachmentItem.class)
            .item(AttachmentItem.attachment(attachment)).conditionExpression(ABSENT).build())
        .addPutItem(audits, auditEntry(ref, audit))
        .build();
    try {
      table.enhanced().transactWriteItems(request);
      return true;
    } catch (TransactionCanceledException e) {
      List<CancellationReason> reasons = e.cancellationReasons();
      if (failed(reasons, 1)) {
        return false;
      }
      if (failed(reasons, 0)) {
        throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
            "Ticket " + ref + " is closed: the file cannot be attached any more");
      }
      throw e;
    }
  }

  @Override
  public void discard(PendingUpload upload, TicketAudit audit) {
    TicketRef ref = upload.ticket();
    table.enhanced().transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
        .addDeleteItem(items, key(ref, Keys.upload(upload.id())))
        .addPutItem(audits, auditEntry(ref, audit))
        .build());
  }

  private static boolean failed(List<CancellationReason> reasons, int index) {
    return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
  }

  private static Key key(TicketRef ref, String sk) {
    return Key.builder().partitionValue(TicketKeys.ticket(ref)).sortValue(sk).build();
  }

  /** Decodes a {@code PUB#ATTACHMENT#…} item read by a mixed query of the ticket's partition. */
  static TicketAttachment fromThreadItem(Map<String, AttributeValue> item) {
    return AttachmentItem.SCHEMA.mapToItem(item).toAttachment();
  }
}
