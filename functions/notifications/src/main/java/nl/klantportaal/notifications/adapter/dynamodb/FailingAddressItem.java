package nl.klantportaal.notifications.adapter.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import java.time.Instant;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.shared.domain.WireEnum;
import nl.klantportaal.notifications.domain.FailingAddress;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** {@code MAILFAILING / <sha256(address)>}: an address mail no longer goes to (pattern 28a). */
final class FailingAddressItem {
  static final String PARTITION = "MAILFAILING";
  String pk;
  String sk;
  String address;
  String reason;
  String detail;
  String since;

  static final TableSchema<FailingAddressItem> SCHEMA = StaticTableSchema.builder(FailingAddressItem.class)
      .newItemSupplier(FailingAddressItem::new)
      .addAttribute(String.class, a -> a.name(Keys.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v).tags(primaryPartitionKey()))
      .addAttribute(String.class, a -> a.name(Keys.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v).tags(primarySortKey()))
      .addAttribute(String.class, a -> a.name("type").getter(i -> "FailingAddress").setter((i, v) -> { }))
      .addAttribute(String.class, a -> a.name("address").getter(i -> i.address).setter((i, v) -> i.address = v))
      .addAttribute(String.class, a -> a.name("reason").getter(i -> i.reason).setter((i, v) -> i.reason = v))
      .addAttribute(String.class, a -> a.name("detail").getter(i -> i.detail).setter((i, v) -> i.detail = v))
      .addAttribute(String.class, a -> a.name("since").getter(i -> i.since).setter((i, v) -> i.since = v))
      .build();

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
