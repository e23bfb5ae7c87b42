package nl.klantportaal.notifications.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.ItemSchema;
import nl.klantportaal.core.adapter.dynamodb.Keys;

import java.time.Instant;
import nl.klantportaal.notifications.domain.MailRoute;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** {@code MAILROUTE / <domain>}: one per-domain mail route (pattern 25), with its {@code version} (absent: read as 0). */
final class MailRouteItem {
  static final String VERSION = "version";
  String pk;
  String sk;
  String configurationSet;
  String senderAddress;
  String updatedAt;
  String updatedBy;
  long version;

  static final TableSchema<MailRouteItem> SCHEMA = new Schema();

  /** Written by hand, without a lambda per attribute ({@link ItemSchema}). */
  private static final class Schema extends ItemSchema<MailRouteItem> {
    Schema() {
      super(MailRouteItem.class, Metadata.keys(), new MailRouteItem());
    }

    @Override
    protected void write(MailRouteItem i, Out out) {
      out
          .string(Keys.PK, i.pk)
          .string(Keys.SK, i.sk)
          .string("type", "MailRoute")
          .string("configurationSet", i.configurationSet)
          .string("senderAddress", i.senderAddress)
          .string("updatedAt", i.updatedAt)
          .string("updatedBy", i.updatedBy)
          .number(VERSION, i.version);
    }

    @Override
    protected MailRouteItem read(In in) {
      MailRouteItem i = new MailRouteItem();
      i.pk = in.string(Keys.PK);
      i.sk = in.string(Keys.SK);
      i.configurationSet = in.string("configurationSet");
      i.senderAddress = in.string("senderAddress");
      i.updatedAt = in.string("updatedAt");
      i.updatedBy = in.string("updatedBy");
      Long version = in.number(VERSION);
      i.version = version == null ? 0 : version;   // stored before routes had versions
      return i;
    }
  }

  static MailRouteItem from(MailRoute route) {
    MailRouteItem item = new MailRouteItem();
    item.pk = Keys.MAIL_ROUTES;
    item.sk = route.domain();
    item.configurationSet = route.configurationSet();
    item.senderAddress = route.senderAddress();
    item.updatedAt = route.updatedAt().toString();
    item.updatedBy = route.updatedBy();
    item.version = route.version();
    return item;
  }

  MailRoute toDomain() {
    return new MailRoute(sk, configurationSet, senderAddress, Instant.parse(updatedAt), updatedBy, version);
  }
}
