package nl.klantportaal.accounts.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.ItemSchema;
import nl.klantportaal.core.adapter.dynamodb.Keys;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** {@code DOMAIN#<domain> / DOMAIN}: which customer an e-mail domain belongs to; written only if absent. */
final class EmailDomainItem {
  String pk;
  String sk;
  String tenantId;

  static final TableSchema<EmailDomainItem> SCHEMA = new Schema();

  /** Written by hand, without a lambda per attribute ({@link ItemSchema}). */
  private static final class Schema extends ItemSchema<EmailDomainItem> {
    Schema() {
      super(EmailDomainItem.class, Metadata.keys(), new EmailDomainItem());
    }

    @Override
    protected void write(EmailDomainItem i, Out out) {
      out
          .string(Keys.PK, i.pk)
          .string(Keys.SK, i.sk)
          .string("type", "EmailDomain")
          .string("tenantId", i.tenantId);
    }

    @Override
    protected EmailDomainItem read(In in) {
      EmailDomainItem i = new EmailDomainItem();
      i.pk = in.string(Keys.PK);
      i.sk = in.string(Keys.SK);
      i.tenantId = in.string("tenantId");
      return i;
    }
  }

  static EmailDomainItem of(String domain, String tenantId) {
    EmailDomainItem item = new EmailDomainItem();
    item.pk = Keys.emailDomain(domain);
    item.sk = Keys.EMAIL_DOMAIN_SK;
    item.tenantId = tenantId;
    return item;
  }
}
