package nl.klantportaal.ticketing.adapter.dynamodb;

import static nl.klantportaal.core.adapter.dynamodb.Attributes.number;
import static nl.klantportaal.core.adapter.dynamodb.Attributes.string;

import java.time.Instant;
import nl.klantportaal.core.adapter.dynamodb.Attributes;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.ticketing.port.SingleUses;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** The record that a single-use key was used (pattern 15f): {@code ONCE#<key> / ONCE}, removed by TTL after {@code expiresAt}. */
final class SingleUseItem {
  static final String SK = "ONCE";

  String pk;
  String sk;
  String type;
  String at;
  Long expiresAt;

  static final TableSchema<SingleUseItem> SCHEMA;

  static {
    StaticTableSchema.Builder<SingleUseItem> b = StaticTableSchema.builder(SingleUseItem.class).newItemSupplier(SingleUseItem::new);
    Attributes.key(b, i -> i.pk, (i, v) -> i.pk = v, i -> i.sk, (i, v) -> i.sk = v);
    string(b, "type", i -> i.type, (i, v) -> i.type = v);
    string(b, "at", i -> i.at, (i, v) -> i.at = v);
    number(b, "expiresAt", i -> i.expiresAt, (i, v) -> i.expiresAt = v);
    SCHEMA = b.build();
  }

  static SingleUseItem of(SingleUses.SingleUse use, Instant at) {
    SingleUseItem i = new SingleUseItem();
    i.pk = Keys.singleUse(use.key());
    i.sk = SK;
    i.type = "SingleUse";
    i.at = at.toString();
    i.expiresAt = use.keepUntil().getEpochSecond();
    return i;
  }
}
