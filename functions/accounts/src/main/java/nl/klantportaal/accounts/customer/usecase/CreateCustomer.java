package nl.klantportaal.accounts.customer.usecase;

import java.util.Map;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.claims.UserId;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.port.CustomerRepository;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Validation;

/** A provider admin adds a customer; its id is a readable slug of the name plus a random suffix. */
public final class CreateCustomer {
  private final CustomerRepository customers;
  private final Clock clock;
  private final Supplier<String> randomSuffix;

  public CreateCustomer(CustomerRepository customers, Clock clock, Supplier<String> randomSuffix) {
    this.customers = customers;
    this.clock = clock;
    this.randomSuffix = randomSuffix;
  }

  public Customer execute(UserId actor, CustomerInput input) {
    Validation v = new Validation();
    v.check(input.version() == null, "version", "not-allowed", "is set by the portal on create");
    CustomerDetails details = input.validate(v);
    Instant now = clock.instant();
    Customer customer = new Customer(new TenantId(slug(details.name()) + "-" + randomSuffix.get()), details, now, now, 1);
    customers.create(customer, new AuditRecord(now, actor.value(), "customer-created",
        AuditObject.customer(customer.id().value()), Map.of("tier", details.slaTier().wireName())));
    return customer;
  }

  static String slug(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.length() > 24) {
      int wordEnd = slug.lastIndexOf('-', 24);
      slug = slug.substring(0, wordEnd >= 8 ? wordEnd : 24).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "klant" : slug;
  }
}
