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

  @Test
  void aSingleLineTextLosesItsOuterBlanksAndItsLineBreaksFoldIntoOneSpace() {
    Validation v = new Validation();
    assertEquals(Optional.of("Printer stuk"), v.requiredText("title", "  Printer stuk \t", 100));
    assertEquals(Optional.of("regel 1 regel 2 regel 3 regel 4"),
        v.requiredText("title", "regel 1\nregel 2 \r\n  regel 3\n\n\u2028regel 4\n", 100));
    v.throwIfInvalid();
  }

  @Test
  void aMultiLineTextKeepsItsIndentationAndBlankLinesInside() {
    Validation v = new Validation();
    String markdown = "    $ ipconfig /all\n\nDaarna:\n\n  - herstart\r\n\tklaar";
    assertEquals(Optional.of(markdown), v.requiredMultilineText("body", "\n  \n" + markdown + "  \n\n", 200));
    assertEquals(Optional.of(" één regel"), v.optionalMultilineText("body", " één regel\n", 200));
    assertEquals(Optional.empty(), v.optionalMultilineText("body", " \n\t\n", 200));
    v.throwIfInvalid();
  }

  @Test
  void aBlankMultiLineTextIsMissingAndALongOneTooLong() {
    Validation v = new Validation();
    assertEquals(Optional.empty(), v.requiredMultilineText("body", "\n \n", 10));
    assertEquals(Optional.empty(), v.requiredMultilineText("description", "x".repeat(11), 10));
    assertEquals(Optional.of("x".repeat(10)), v.requiredMultilineText("note", "\n" + "x".repeat(10) + "\n\n", 10));
    assertEquals(Optional.empty(), v.optionalMultilineText("comment", "a\u0007b", 10));
    DomainException.InvalidInput refused = assertThrows(DomainException.InvalidInput.class, v::throwIfInvalid);
    assertEquals(List.of("body:required", "description:too-long", "comment:control-characters"),
        refused.errors().stream().map(e -> e.field() + ":" + e.code()).toList());
  }
}
