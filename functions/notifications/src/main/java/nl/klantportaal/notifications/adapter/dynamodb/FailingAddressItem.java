package nl.klantportaal.notifications.adapter.dynamodb;

import java.time.Instant;
import nl.klantportaal.core.adapter.dynamodb.ItemSchema;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.shared.domain.WireEnum;
import nl.klantportaal.notifications.domain.FailingAddress;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** {@code MAILFAILING / <sha256(address)>}: an address mail no longer goes to (pattern 28a). */
final class FailingAddressItem {
  static final String PARTITION = "MAILFAILING";
  String pk;
  String sk;
  String address;
  String reason;
  String detail;
  String since;

  static final TableSchema<FailingAddressItem> SCHEMA = new Schema();

  /** Written by hand, without a lambda per attribute ({@link ItemSchema}). */
  private static final class Schema extends ItemSchema<FailingAddressItem> {
    Schema() {
      super(FailingAddressItem.class, Metadata.keys(), new FailingAddressItem());
    }

    @Override
    protected void write(FailingAddressItem i, Out out) {
      out
          .string(Keys.PK, i.pk)
          .string(Keys.SK, i.sk)
          .string("type", "FailingAddress")
          .string("address", i.address)
          .string("reason", i.reason)
          .string("detail", i.detail)
          .string("since", i.since);
    }

    @Override
    protected FailingAddressItem read(In in) {
      FailingAddressItem i = new FailingAddressItem();
      i.pk = in.string(Keys.PK);
      i.sk = in.string(Keys.SK);
      i.address = in.string("address");
      i.reason = in.string("reason");
      i.detail = in.string("detail");
      i.since = in.string("since");
      return i;
    }
  }

  static FailingAddressItem from(FailingAddress failing) {
    FailingAddressItem item = new FailingAddressItem();
    item.pk = PARTITION;
    item.sk = failing.id();
    item.address = failing.address();
    item.reason = failing.reason().wireName();
    item.detail = failing.detail();
    item.since = failing.since().toString();
    return item;
  }

  FailingAddress toDomain() {
    return new FailingAddress(address, WireEnum.parse(FailingAddress.Reason.class, reason), detail, Instant.parse(since));
  }
}
