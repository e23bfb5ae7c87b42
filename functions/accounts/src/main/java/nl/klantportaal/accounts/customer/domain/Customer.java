package nl.klantportaal.accounts.customer.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Language;

/** A customer of the provider: the tenant every customer user, ticket and bundle belongs to. */
public record Customer(
    TenantId id,
    CustomerDetails details,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public String name() {
    return details.name();
  }

  public List<String> emailDomains() {
    return details.emailDomains();
  }

  public SlaTier slaTier() {
    return details.slaTier();
  }

  public Language language() {
    return details.language();
  }

  public Optional<String> onCallEmail() {
    return details.onCallEmail();
  }
}
