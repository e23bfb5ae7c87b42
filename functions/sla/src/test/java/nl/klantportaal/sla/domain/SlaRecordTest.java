package nl.klantportaal.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.ticketing.domain.Priority;
import org.junit.jupiter.api.Test;

class SlaRecordTest {
  private static final Instant T0 = Instant.parse("2026-11-23T09:30:00.250Z");
  private static final SlaClock CLOCK = new SlaClock(SlaCalendars.defaults());
  private static final SlaRecord START = SlaRecord.start(new SlaEvent.Created(T0, Priority.HIGH, DefaultSlaTable.table().terms(SlaTier.KOPER)), CLOCK, T0);

  private static PendingSlaEvent event(PendingSlaEvent.Kind kind, TargetKind target, Duration after) {
    return new PendingSlaEvent(kind, target, SlaRecord.seconds(T0.plus(after)));
  }

  @Test
  void aNewTicketHasAWarningAndADeadlinePerTargetInWholeSeconds() {
    assertEquals(List.of(
        event(PendingSlaEvent.Kind.WARNING_80, TargetKind.RESPONSE, Duration.ofMinutes(36 * 48)),
        event(PendingSlaEvent.Kind.DEADLINE, TargetKind.RESPONSE, Duration.ofHours(36)),
        event(PendingSlaEvent.Kind.WARNING_80, TargetKind.RESOLUTION, Duration.ofMinutes(96 * 48)),
        event(PendingSlaEvent.Kind.DEADLINE, TargetKind.RESOLUTION, Duration.ofHours(96))), START.pending());
    assertEquals(SlaTier.KOPER, START.tier());
    assertEquals(1, START.version());
    assertEquals(Instant.parse("2026-11-24T21:30:01Z"), START.pending().get(1).dueAt(),
        "created at 09:30:00.250, 36 h: due at 21:30:00.250, so the whole second is rounded up, never fired early");
  }

  @Test
  void aFiredWarningIsNeverPendingAgainThoughTheClockStillListsIt() {
    PendingSlaEvent warning = START.pending().getFirst();
    SlaRecord fired = START.afterFiring(warning);
    assertFalse(fired.isPending(warning));
    Instant later = T0.plus(Duration.ofHours(30));
    SlaRecord next = fired.next(List.of(new SlaEvent.WaitingForCustomer(later)), CLOCK, later, true);
    assertFalse(next.pending().contains(warning), "the response warning stays fired after the next change");
    assertTrue(next.pending().stream().anyMatch(e -> e.kind() == PendingSlaEvent.Kind.DEADLINE
        && e.target() == TargetKind.RESPONSE));
  }

  @Test
  void aPriorityChangeThatMovesTheDeadlineGivesANewWarning() {
    PendingSlaEvent warning = START.pending().getFirst();
    Instant later = T0.plus(Duration.ofHours(1));
    SlaRecord raised = START.afterFiring(warning)
        .next(List.of(new SlaEvent.PriorityChanged(later, Priority.CRITICAL)), CLOCK, later, true);
    assertTrue(raised.pending().contains(event(PendingSlaEvent.Kind.WARNING_80, TargetKind.RESPONSE,
        Duration.ofMinutes(24 * 48))), "critical: 80 % of 24 h");
  }

  @Test
  void aReachedTargetIsCountedOnceByItsOutcomeOrByItsFiredDeadline() {
    Instant replied = T0.plus(Duration.ofHours(2));
    SlaRecord met = START.next(List.of(new SlaEvent.PublicAgentReply(replied)), CLOCK, replied, true);
    PendingSlaEvent outcome = new PendingSlaEvent(PendingSlaEvent.Kind.OUTCOME, TargetKind.RESPONSE,
        SlaRecord.seconds(replied));
    assertTrue(met.isPending(outcome));
    SlaRecord counted = met.afterFiring(outcome);
    assertTrue(counted.counted(TargetKind.RESPONSE));
    assertFalse(counted.next(List.of(), CLOCK, replied.plusSeconds(5), true).pending().contains(outcome));

    PendingSlaEvent deadline = event(PendingSlaEvent.Kind.DEADLINE, TargetKind.RESPONSE, Duration.ofHours(36));
    assertEquals(Set.of(SlaRecord.key(deadline), SlaRecord.outcomeKey(TargetKind.RESPONSE)),
        Set.copyOf(START.firedKeys(deadline)));
    SlaRecord breached = START.afterFiring(deadline);
    Instant late = T0.plus(Duration.ofHours(40));
    SlaRecord lateReply = breached.next(List.of(new SlaEvent.PublicAgentReply(late)), CLOCK, late, true);
    assertTrue(lateReply.pending().stream().noneMatch(e -> e.kind() == PendingSlaEvent.Kind.OUTCOME),
        "a breach counted at its deadline is not counted again when the reply comes late");
  }

  @Test
  void aClosedTicketHasNothingLeftToFireButItsOutcomes() {
    Instant resolved = T0.plus(Duration.ofHours(3));
    SlaRecord closed = START.next(List.of(new SlaEvent.PublicAgentReply(resolved), new SlaEvent.Resolved(resolved)),
        CLOCK, resolved, false);
    assertEquals(Set.of(PendingSlaEvent.Kind.OUTCOME), Set.copyOf(closed.pending().stream().map(PendingSlaEvent::kind)
        .toList()));
    assertEquals(2, closed.pending().size());
  }
}
