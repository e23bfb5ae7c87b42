package nl.klantportaal.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;
import nl.klantportaal.ticketing.domain.Priority;
import org.junit.jupiter.api.Test;

class SlaTableTest {

  private final SlaTable table = DefaultSlaTable.table();

  @Test
  void koperIsTheSeedsTable() {
    assertEquals(Map.of(
        Priority.CRITICAL, new SlaTarget(24, 72, CalendarKind.AROUND_THE_CLOCK),
        Priority.HIGH, new SlaTarget(36, 96, CalendarKind.AROUND_THE_CLOCK),
        Priority.NORMAL, new SlaTarget(48, 120, CalendarKind.BUSINESS),
        Priority.LOW, new SlaTarget(72, 168, CalendarKind.BUSINESS)), table.row(SlaTier.KOPER));
  }

  @Test
  void criticalAndHighRunAroundTheClockAndNormalAndLowOnBusinessHoursInEveryTier() {
    for (SlaTier tier : SlaTier.values()) {
      assertEquals(CalendarKind.AROUND_THE_CLOCK, table.target(tier, Priority.CRITICAL).calendar());
      assertEquals(CalendarKind.AROUND_THE_CLOCK, table.target(tier, Priority.HIGH).calendar());
      assertEquals(CalendarKind.BUSINESS, table.target(tier, Priority.NORMAL).calendar());
      assertEquals(CalendarKind.BUSINESS, table.target(tier, Priority.LOW).calendar());
    }
  }

  @Test
  void everyHigherTierIsStricterThanTheOneBelow() {
    List<SlaTier> tiers = List.of(SlaTier.KOPER, SlaTier.BRONS, SlaTier.ZILVER, SlaTier.GOUD);
    for (int i = 1; i < tiers.size(); i++) {
      for (Priority priority : Priority.values()) {
        SlaTarget lower = table.target(tiers.get(i - 1), priority);
        SlaTarget higher = table.target(tiers.get(i), priority);
        assertTrue(higher.responseHours() < lower.responseHours(), tiers.get(i) + " " + priority);
        assertTrue(higher.resolutionHours() < lower.resolutionHours(), tiers.get(i) + " " + priority);
      }
    }
    assertEquals(new SlaTarget(1, 8, CalendarKind.AROUND_THE_CLOCK), table.target(SlaTier.GOUD, Priority.CRITICAL));
  }

  @Test
  void editingReturnsANewTableAndLeavesTheOriginal() {
    SlaTable edited = table.withTarget(SlaTier.GOUD, Priority.NORMAL,
        table.target(SlaTier.GOUD, Priority.NORMAL).withResponseHours(4).withCalendar(CalendarKind.AROUND_THE_CLOCK));
    assertEquals(new SlaTarget(4, 48, CalendarKind.AROUND_THE_CLOCK), edited.target(SlaTier.GOUD, Priority.NORMAL));
    assertEquals(new SlaTarget(8, 48, CalendarKind.BUSINESS), table.target(SlaTier.GOUD, Priority.NORMAL));
  }

  @Test
  void nonPositiveHoursAreRefusedPerField() {
    DomainException.InvalidInput refused = assertThrows(DomainException.InvalidInput.class,
        () -> new SlaTarget(0, -1, CalendarKind.BUSINESS));
    assertEquals(List.of("responseHours", "resolutionHours"),
        refused.errors().stream().map(FieldError::field).toList());
  }

  @Test
  void responseLaterThanResolutionIsRefused() {
    DomainException.InvalidInput refused = assertThrows(DomainException.InvalidInput.class,
        () -> table.target(SlaTier.KOPER, Priority.LOW).withResponseHours(169));
    assertEquals("not-after-resolution", refused.errors().getFirst().code());
  }

  @Test
  void responseEqualToResolutionIsAllowed() {
    assertEquals(8, new SlaTarget(8, 8, CalendarKind.BUSINESS).responseHours());
  }

  @Test
  void tableMissingAPairIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SlaTable(Map.of(), table.waiting()));
  }

  @Test
  void waitingPolicyDefaultsToTwoBusinessDaysAndTwoRemindersAndCanBeSwitchedOff() {
    WaitingPolicy policy = table.waitingPolicy(SlaTier.ZILVER);
    assertEquals(new WaitingPolicy(true, 2, 2), policy);
    SlaTable off = table.withWaitingPolicy(SlaTier.ZILVER, policy.withEnabled(false));
    assertEquals(false, off.waitingPolicy(SlaTier.ZILVER).enabled());
    assertEquals(true, off.waitingPolicy(SlaTier.GOUD).enabled());
  }

  @Test
  void waitingPolicyWithZeroDaysOrRemindersIsRefused() {
    assertThrows(DomainException.InvalidInput.class, () -> WaitingPolicy.defaults().withReminderAfterBusinessDays(0));
    assertThrows(DomainException.InvalidInput.class, () -> WaitingPolicy.defaults().withRemindersBeforeDrop(0));
  }
}
