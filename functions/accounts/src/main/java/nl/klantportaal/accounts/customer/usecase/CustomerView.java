package nl.klantportaal.accounts.customer.usecase;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.Customer;

/** A customer as the API answers it. */
public record CustomerView(String id, String name, List<String> emailDomains, String slaTier, String language,
    Optional<String> onCallEmail, Instant createdAt, Instant updatedAt, long version) {

  public static CustomerView of(Customer customer) {
    return new CustomerView(customer.id().value(), customer.name(), customer.emailDomains(),
        customer.slaTier().wireName(), customer.language().tag(), customer.onCallEmail(),
        customer.createdAt(), customer.updatedAt(), customer.version());
  }
}
