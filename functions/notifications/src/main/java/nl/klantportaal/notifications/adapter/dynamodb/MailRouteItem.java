package nl.klantportaal.notifications.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.Keys;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import java.time.Instant;
import nl.klantportaal.notifications.domain.MailRoute;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** {@code MAILROUTE / <domain>}: one per-domain mail route (pattern 25). */
final class MailRouteItem {
  String pk;
  String sk;
  String configurationSet;
  String senderAddress;
  String updatedAt;
  String updatedBy;

  static final TableSchema<MailRouteItem> SCHEMA = StaticTableSchema.builder(MailRouteItem.class)
      .newItemSupplier(MailRouteItem::new)
      .addAttribute(String.class, a -> a.name(Keys.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v).tags(primaryPartitionKey()))
      .addAttribute(String.class, a -> a.name(Keys.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v).tags(primarySortKey()))
      .addAttribute(String.class, a -> a.name("type").getter(i -> "MailRoute").setter((i, v) -> { }))
      .addAttribute(String.class, a -> a.name("configurationSet").getter(i -> i.configurationSet)
          .setter((i, v) -> i.configurationSet = v))
      .addAttribute(String.class, a -> a.name("senderAddress").getter(i -> i.senderAddress).setter((i, v) -> i.senderAddress = v))
      .addAttribute(String.class, a -> a.name("updatedAt").getter(i -> i.updatedAt).setter((i, v) -> i.updatedAt = v))
      .addAttribute(String.class, a -> a.name("updatedBy").getter(i -> i.updatedBy).setter((i, v) -> i.updatedBy = v))
      .build();

  static MailRouteItem from(MailRoute route) {
    MailRouteItem item = new MailRouteItem();
    item.pk = Keys.MAIL_ROUTES;
    item.sk = route.domain();
    item.configurationSet = route.configurationSet();
    item.senderAddress = route.senderAddress();
    item.updatedAt = route.updatedAt().toString();
    item.updatedBy = route.updatedBy();
    return item;
  }

  MailRoute toDomain() {
    return new MailRoute(sk, configurationSet, senderAddress, Instant.parse(updatedAt), updatedBy);
  }
}
