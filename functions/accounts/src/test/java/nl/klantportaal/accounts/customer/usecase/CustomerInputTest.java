package nl.klantportaal.accounts.customer.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.Validation;
import org.junit.jupiter.api.Test;

class CustomerInputTest {

  @Test
  void normalisesAndDefaults() {
    CustomerDetails details = new CustomerInput("  Acme B.V. ", List.of("Acme.Example.TEST"), null, null, null, null)
        .validate(new Validation());
    assertEquals(new CustomerDetails("Acme B.V.", List.of("acme.example.test"), SlaTier.KOPER, Language.NL, Optional.empty()),
        details);
  }

  @Test
  void reportsEveryBadFieldAtOnce() {
    var input = new CustomerInput("x".repeat(201), List.of("not a domain", "ok.example.test", "ok.example.test"),
        "platina", "fr", "nobody", null);
    var e = assertThrows(DomainException.InvalidInput.class, () -> input.validate(new Validation()));
    assertEquals(List.of("name", "emailDomains[0]", "emailDomains[2]", "slaTier", "language", "onCallEmail"),
        e.errors().stream().map(FieldError::field).toList());
  }

  @Test
  void slugsAreReadableAscii() {
    assertEquals("tandartspraktijk-uber", CreateCustomer.slug("Tandartspraktijk Über"));
    assertEquals("tandartspraktijk", CreateCustomer.slug("Tandartspraktijk Überlaan"));
    assertEquals("klant", CreateCustomer.slug("!!!"));
    assertEquals("a-very-long-customer", CreateCustomer.slug("A very long customer name that goes on"));
  }
}
