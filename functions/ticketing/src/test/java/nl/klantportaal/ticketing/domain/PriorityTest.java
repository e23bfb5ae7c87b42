package nl.klantportaal.ticketing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import nl.klantportaal.core.shared.domain.Language;
import org.junit.jupiter.api.Test;

class PriorityTest {

  @Test
  void lowerStepsDownOneLevel() {
    assertEquals(Priority.HIGH, Priority.CRITICAL.lower());
    assertEquals(Priority.NORMAL, Priority.HIGH.lower());
    assertEquals(Priority.LOW, Priority.NORMAL.lower());
  }

  @Test
  void lowStaysLow() {
    assertEquals(Priority.LOW, Priority.LOW.lower());
  }

  @Test
  void labelsFollowTheSeedInDutchAndAreTranslated() {
    assertEquals("Kritiek", Priority.CRITICAL.label(Language.NL));
    assertEquals("Laag", Priority.LOW.label(Language.NL));
    assertEquals("High", Priority.HIGH.label(Language.EN));
    assertEquals("Niedrig", Priority.LOW.label(Language.DE));
  }

  @Test
  void wireNamesRoundTripAndUnknownNamesAreEmpty() {
    for (Priority priority : Priority.values()) {
      assertEquals(Optional.of(priority), Priority.fromWireName(priority.wireName()));
    }
    assertEquals(Optional.empty(), Priority.fromWireName("urgent"));
    assertEquals(Optional.empty(), Priority.fromWireName("CRITICAL"));
  }
}
