package nl.klantportaal.ticketing.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.Attributes;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import static nl.klantportaal.core.adapter.dynamodb.Attributes.number;
import static nl.klantportaal.core.adapter.dynamodb.Attributes.string;

import java.time.Instant;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.WireEnum;
import nl.klantportaal.ticketing.domain.AuthorSide;
import nl.klantportaal.ticketing.domain.TicketMessage;
import nl.klantportaal.ticketing.domain.TicketNumber;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketSource;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A public reply ({@code PUB#MSG#<at>#<id>}, type {@code Message}) or an internal note
 * ({@code STAFF#NOTE#<at>#<id>}, type {@code Note}) in the ticket's partition; written once.
 */
final class TicketMessageItem {
  String pk;
  String sk;
  String type;
  String tenantId;
  Long number;
  String id;
  String authorId;
  String authorName;
  String authorSide;
  String body;
  String source;
  String at;
  /** The status change written in the same transaction, if any: its mail is this message's (docs/notifications.md). */
  String statusFrom;
  String statusTo;
  /** The author index (GSI5, {@code AUTHOR#<sub>} / {@code <at>#<ticket partition>}): a person's messages and notes, for GDPR. */
  String authorKey;
  String authorSort;

  static final TableSchema<TicketMessageItem> SCHEMA;

  static {
    StaticTableSchema.Builder<TicketMessageItem> b =
        StaticTableSchema.builder(TicketMessageItem.class).newItemSupplier(TicketMessageItem::new);
    Attributes.key(b, i -> i.pk, (i, v) -> i.pk = v, i -> i.sk, (i, v) -> i.sk = v);
    string(b, "type", i -> i.type, (i, v) -> i.type = v);
    string(b, "tenantId", i -> i.tenantId, (i, v) -> i.tenantId = v);
    number(b, "number", i -> i.number, (i, v) -> i.number = v);
    string(b, "id", i -> i.id, (i, v) -> i.id = v);
    string(b, "authorId", i -> i.authorId, (i, v) -> i.authorId = v);
    string(b, "authorName", i -> i.authorName, (i, v) -> i.authorName = v);
    string(b, "authorSide", i -> i.authorSide, (i, v) -> i.authorSide = v);
    string(b, "body", i -> i.body, (i, v) -> i.body = v);
    string(b, "source", i -> i.source, (i, v) -> i.source = v);
    string(b, "at", i -> i.at, (i, v) -> i.at = v);
    string(b, "statusFrom", i -> i.statusFrom, (i, v) -> i.statusFrom = v);
    string(b, "statusTo", i -> i.statusTo, (i, v) -> i.statusTo = v);
    Attributes.indexKey(b, Keys.GSI5, Keys.GSI5PK, false, i -> i.authorKey, (i, v) -> i.authorKey = v);
    Attributes.indexKey(b, Keys.GSI5, Keys.GSI5SK, true, i -> i.authorSort, (i, v) -> i.authorSort = v);
    SCHEMA = b.build();
  }

  /** The status change a public message came with, stored on the message item ({@code statusFrom}, {@code statusTo}). */
  record StatusMove(nl.klantportaal.ticketing.domain.TicketStatus from, nl.klantportaal.ticketing.domain.TicketStatus to) {}

  static TicketMessageItem from(TicketMessage m) {
    return from(m, java.util.Optional.empty());
  }

  /** With {@code move}: the message came with this status change (from, to). */
  static TicketMessageItem from(TicketMessage m, java.util.Optional<StatusMove> move) {
    TicketMessageItem i = new TicketMessageItem();
    i.pk = TicketKeys.ticket(m.ticket());
    i.sk = Keys.message(m.at().toString(), m.id(), m.internal());
    i.type = m.internal() ? "Note" : "Message";
    i.tenantId = m.ticket().tenant().value();
    i.number = m.ticket().number().value();
    i.id = m.id();
    i.authorId = m.author().value();
    i.authorName = m.authorName();
    i.authorSide = m.side().wireName();
    i.body = m.body();
    i.source = m.source().wireName();
    i.at = m.at().toString();
    i.authorKey = Keys.messagesBy(m.author().value());
    i.authorSort = i.at + "#" + i.pk;
    move.filter(x -> !m.internal()).ifPresent(x -> {
      i.statusFrom = x.from().wireName();
      i.statusTo = x.to().wireName();
    });
    return i;
  }

  TicketMessage toDomain() {
    return new TicketMessage(id, new TicketRef(new TenantId(tenantId), new TicketNumber(number)), new UserId(authorId),
        authorName, WireEnum.parse(AuthorSide.class, authorSide), body, "Note".equals(type),
        WireEnum.parse(TicketSource.class, source), Instant.parse(at));
  }
}
