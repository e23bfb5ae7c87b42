package nl.klantportaal.ticketing.adapter.dynamodb;

import static nl.klantportaal.core.adapter.dynamodb.Attributes.number;
import static nl.klantportaal.core.adapter.dynamodb.Attributes.string;

import nl.klantportaal.core.adapter.dynamodb.Attributes;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.claims.TenantId;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** A customer's ticket counter (pattern 13): {@code TENANT#<id> / COUNTER#TICKET}, {@code next} = the last number taken. */
final class TicketCounterItem {
  String pk;
  String sk;
  String type;
  Long next;

  static final TableSchema<TicketCounterItem> SCHEMA;

  static {
    StaticTableSchema.Builder<TicketCounterItem> b = StaticTableSchema.builder(TicketCounterItem.class)
        .newItemSupplier(TicketCounterItem::new);
    Attributes.key(b, i -> i.pk, (i, v) -> i.pk = v, i -> i.sk, (i, v) -> i.sk = v);
    string(b, "type", i -> i.type, (i, v) -> i.type = v);
    number(b, "next", i -> i.next, (i, v) -> i.next = v);
    SCHEMA = b.build();
  }

  static TicketCounterItem at(TenantId tenant, long number) {
    TicketCounterItem i = new TicketCounterItem();
    i.pk = Keys.tenant(tenant);
    i.sk = Keys.TICKET_COUNTER_SK;
    i.type = "Counter";
    i.next = number;
    return i;
  }
}
