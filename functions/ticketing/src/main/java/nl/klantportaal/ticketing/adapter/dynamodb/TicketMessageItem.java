package nl.klantportaal.ticketing.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.ItemSchema;
import nl.klantportaal.core.adapter.dynamodb.Keys;

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

  static final TableSchema<TicketMessageItem> SCHEMA = new Schema();

  /** Written by hand, without a lambda per attribute ({@link ItemSchema}). */
  private static final class Schema extends ItemSchema<TicketMessageItem> {
    Schema() {
      super(TicketMessageItem.class, Metadata.keys()
          .indexPartitionKey(Keys.GSI5, Keys.GSI5PK)
          .indexSortKey(Keys.GSI5, Keys.GSI5SK), new TicketMessageItem());
    }

    @Override
    protected void write(TicketMessageItem i, Out out) {
      out
          .string(Keys.PK, i.pk)
          .string(Keys.SK, i.sk)
          .string("type", i.type)
          .string("tenantId", i.tenantId)
          .number("number", i.number)
          .string("id", i.id)
          .string("authorId", i.authorId)
          .string("authorName", i.authorName)
          .string("authorSide", i.authorSide)
          .string("body", i.body)
          .string("source", i.source)
          .string("at", i.at)
          .string("statusFrom", i.statusFrom)
          .string("statusTo", i.statusTo)
          .string(Keys.GSI5PK, i.authorKey)
          .string(Keys.GSI5SK, i.authorSort);
    }

    @Override
    protected TicketMessageItem read(In in) {
      TicketMessageItem i = new TicketMessageItem();
      i.pk = in.string(Keys.PK);
      i.sk = in.string(Keys.SK);
      i.type = in.string("type");
      i.tenantId = in.string("tenantId");
      i.number = in.number("number");
      i.id = in.string("id");
      i.authorId = in.string("authorId");
      i.authorName = in.string("authorName");
      i.authorSide = in.string("authorSide");
      i.body = in.string("body");
      i.source = in.string("source");
      i.at = in.string("at");
      i.statusFrom = in.string("statusFrom");
      i.statusTo = in.string("statusTo");
      i.authorKey = in.string(Keys.GSI5PK);
      i.authorSort = in.string(Keys.GSI5SK);
      return i;
    }
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
