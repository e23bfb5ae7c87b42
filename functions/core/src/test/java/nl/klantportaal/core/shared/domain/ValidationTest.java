package nl.klantportaal.core.shared.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValidationTest {

  @Test
  void textWithAnUnpairedSurrogateIsRefusedLikeControlCharacters() {
    for (String text : List.of("kapot \uD800", "\uDC00 kapot", "a\uDBFFb")) {
      Validation v = new Validation();
      assertEquals(Optional.empty(), v.requiredText("title", text, 100));
      DomainException.InvalidInput refused = assertThrows(DomainException.InvalidInput.class, v::throwIfInvalid);
      assertEquals("control-characters", refused.errors().getFirst().code());
    }
  }

  @Test
  void pairedSurrogatesAreOrdinaryCharacters() {
    Validation v = new Validation();
    assertEquals(Optional.of("Printer 🖨 stuk"), v.requiredText("title", "Printer 🖨 stuk", 100));
    v.throwIfInvalid();
  }
}
