package nl.klantportaal.ticketing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;
import nl.klantportaal.core.shared.domain.Validation;
import org.junit.jupiter.api.Test;

class FormSchemaTest {
  private final FormSchema teams = DefaultCatalogue.REQUEST_TYPES.get(0).form();
  private final FormSchema hours = DefaultCatalogue.REQUEST_TYPES.stream().filter(r -> r.id().equals("extra-hours"))
      .findFirst().orElseThrow().form();

  @Test
  void validAnswersComeBackAsTextInTheFormsOrder() {
    Map<String, Object> answers = new LinkedHashMap<>();
    answers.put("urgency", "high");
    answers.put("visibility", "private");
    answers.put("owners", "anna@acme.example.test");
    answers.put("purpose", "Campagne");
    answers.put("name", "Marketing");
    answers.put("requestKind", "channel");
    Validation v = new Validation();
    Map<String, String> result = teams.validate(answers, v);
    v.throwIfInvalid();
    assertEquals(List.of("requestKind", "name", "purpose", "owners", "visibility", "urgency"), List.copyOf(result.keySet()));
    assertEquals("channel", result.get("requestKind"));
  }

  @Test
  void everyProblemIsNamedByItsField() {
    Validation v = new Validation();
    teams.validate(Map.of("requestKind", "galaxy", "name", 12, "colour", "blue", "urgency", true), v);
    var e = assertThrows(DomainException.InvalidInput.class, v::throwIfInvalid);
    List<String> fields = e.errors().stream().map(FieldError::field).toList();
    assertEquals(List.of("answers.colour", "answers.requestKind", "answers.name", "answers.purpose", "answers.owners",
        "answers.visibility", "answers.urgency"), fields);
  }

  @Test
  void numbersDatesAndCheckboxes() {
    Validation v = new Validation();
    Map<String, String> ok = hours.validate(Map.of("hours", 10.50, "startDate", "2026-12-01"), v);
    v.throwIfInvalid();
    assertEquals("10.5", ok.get("hours"));
    Validation bad = new Validation();
    hours.validate(Map.of("hours", "tien", "startDate", "1 december"), bad);
    var e = assertThrows(DomainException.InvalidInput.class, bad::throwIfInvalid);
    assertEquals(List.of("answers.hours", "answers.startDate"), e.errors().stream().map(FieldError::field).toList());
    for (Number nothing : List.of(-5, 0, -0.25)) {
      Validation negative = new Validation();
      hours.validate(Map.of("hours", nothing), negative);
      var refused = assertThrows(DomainException.InvalidInput.class, negative::throwIfInvalid, "hours " + nothing);
      assertEquals(List.of("answers.hours"), refused.errors().stream().map(FieldError::field).toList());
      assertEquals("positive", refused.errors().getFirst().code());
    }
  }
}
