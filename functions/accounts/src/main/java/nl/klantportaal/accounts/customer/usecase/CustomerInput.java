package nl.klantportaal.accounts.customer.usecase;

import java.util.List;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.Validation;

/**
 * A customer as the API receives it (POST and PUT /customers). Every field is checked at once;
 * {@code version} is required on update (optimistic locking) and refused on create.
 */
public record CustomerInput(String name, List<String> emailDomains, String slaTier, String language,
    String onCallEmail, Long version) {

  public CustomerDetails validate(Validation v) {
    var name = v.requiredText("name", this.name, 200);
    var domains = v.domains("emailDomains", emailDomains, 20);
    var tier = v.optionalEnum("slaTier", slaTier, SlaTier.values(), SlaTier::wireName);
    var lang = v.optionalEnum("language", language, Language.values(), Language::tag);
    var onCall = v.optionalEmail("onCallEmail", onCallEmail);
    v.throwIfInvalid();
    return new CustomerDetails(name.orElseThrow(), domains, tier.orElse(SlaTier.KOPER), lang.orElse(Language.NL), onCall);
  }
}
