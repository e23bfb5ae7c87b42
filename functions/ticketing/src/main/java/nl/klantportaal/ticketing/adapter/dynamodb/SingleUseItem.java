package nl.klantportaal.ticketing.adapter.dynamodb;

import java.time.Instant;
import nl.klantportaal.core.adapter.dynamodb.ItemSchema;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.ticketing.port.SingleUses;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** The record that a single-use key was used (pattern 15f): {@code ONCE#<key> / ONCE}, removed by TTL after {@code expiresAt}. */
final class SingleUseItem {
  static final String SK = "ONCE";

  String pk;
  String sk;
  String type;
  String at;
  Long expiresAt;

  static final TableSchema<SingleUseItem> SCHEMA = new Schema();

  /** Written by hand, without a lambda per attribute ({@link ItemSchema}). */
  private static final class Schema extends ItemSchema<SingleUseItem> {
    Schema() {
      super(SingleUseItem.class, Metadata.keys(), new SingleUseItem());
    }

    @Override
    protected void write(SingleUseItem i, Out out) {
      out
          .string(Keys.PK, i.pk)
          .string(Keys.SK, i.sk)
          .string("type", i.type)
          .string("at", i.at)
          .number("expiresAt", i.expiresAt);
    }

    @Override
    protected SingleUseItem read(In in) {
      SingleUseItem i = new SingleUseItem();
      i.pk = in.string(Keys.PK);
      i.sk = in.string(Keys.SK);
      i.type = in.string("type");
      i.at = in.string("at");
      i.expiresAt = in.number("expiresAt");
      return i;
    }
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
