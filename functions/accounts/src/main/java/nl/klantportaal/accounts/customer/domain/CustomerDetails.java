package nl.klantportaal.accounts.customer.domain;

import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.shared.domain.Language;

/**
 * What a provider admin maintains of a customer: name, the e-mail domains its people sign up with
 * (used to suggest the customer for a pending user; each domain belongs to one customer), SLA
 * tier, language of mail to the organisation, and the on-call address for critical out-of-hours
 * alerts.
 */
public record CustomerDetails(String name, List<String> emailDomains, SlaTier slaTier, Language language,
    Optional<String> onCallEmail) {
  public CustomerDetails {
    emailDomains = List.copyOf(emailDomains);
  }
}
