package nl.klantportaal.accounts.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nl.klantportaal.core.shared.domain.FieldError;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
  private static List<String> codes(String password, String email) {
    return PasswordPolicy.check("password", password, email).stream().map(FieldError::code).toList();
  }

  @Test
  void acceptsAStrongPassword() {
    assertEquals(List.of(), codes("Vlinder-Regen42", "sanne@bakkerij.example.test"));
    assertEquals(List.of(), codes("correct Horse 9 battery", "sanne@bakkerij.example.test"));
  }

  @Test
  void namesEveryMissingIngredient() {
    assertEquals(List.of("length", "uppercase", "digit", "symbol"), codes("kort", "x@example.test"));
    assertEquals(List.of("lowercase"), codes("HOOFDLETTERS-123", "x@example.test"));
    assertEquals(List.of("required"), codes("", "x@example.test"));
  }

  @Test
  void refusesTheEmailNameInsideThePassword() {
    assertEquals(List.of("contains-email"), codes("Welkom!SANNE2026", "sanne@bakkerij.example.test"));
    assertEquals(List.of(), codes("Welkom!Jo2026xx", "jo@bakkerij.example.test"), "two-letter names are too common to refuse");
  }
}
