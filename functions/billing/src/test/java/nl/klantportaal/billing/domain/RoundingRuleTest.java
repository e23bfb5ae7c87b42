package nl.klantportaal.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RoundingRuleTest {
  @Test
  void theDefaultRoundsUpToAQuarterWithAQuarterAtLeast() {
    assertEquals(15, RoundingRule.DEFAULT.apply(1));
    assertEquals(15, RoundingRule.DEFAULT.apply(15));
    assertEquals(30, RoundingRule.DEFAULT.apply(16));
    assertEquals(60, RoundingRule.DEFAULT.apply(50));
  }

  @Test
  void aMinimumAboveTheIncrementWinsForShortWork() {
    var rule = new RoundingRule(5, 30);
    assertEquals(30, rule.apply(7));
    assertEquals(35, rule.apply(31));
    assertEquals(17, RoundingRule.EXACT.apply(17));
  }

  @Test
  void impossibleRulesAndMinutesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RoundingRule(0, 0));
    assertThrows(IllegalArgumentException.class, () -> new RoundingRule(15, 241));
    assertThrows(IllegalArgumentException.class, () -> RoundingRule.DEFAULT.apply(0));
  }
}
