package nl.klantportaal.sla.domain;

import static nl.klantportaal.sla.domain.BusinessCalendarTest.ams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.sla.domain.PendingSlaEvent.Kind;
import nl.klantportaal.sla.domain.SlaEvent.Approved;
import nl.klantportaal.sla.domain.SlaEvent.AwaitingApproval;
import nl.klantportaal.sla.domain.SlaEvent.Created;
import nl.klantportaal.sla.domain.SlaEvent.CustomerAnswered;
import nl.klantportaal.sla.domain.SlaEvent.PriorityChanged;
import nl.klantportaal.sla.domain.SlaEvent.PublicAgentReply;
import nl.klantportaal.sla.domain.SlaEvent.Reopened;
import nl.klantportaal.sla.domain.SlaEvent.Resolved;
import nl.klantportaal.sla.domain.SlaEvent.WaitingForCustomer;
import nl.klantportaal.ticketing.domain.Priority;
import org.junit.jupiter.api.Test;

class SlaClockTest {

  private static final Instant MONDAY_0900 = ams("2026-03-09T09:00");
  private final SlaClock clock = new SlaClock(SlaCalendars.defaults());

  private SlaStatus at(String now, SlaEvent... events) {
    return clock.evaluate(List.of(events), ams(now));
  }

  private static Created created(Priority priority, SlaTier tier) {
    return new Created(MONDAY_0900, priority, DefaultSlaTable.table().terms(tier));
  }

  @Test
  void firstPublicAgentReplyMeetsTheResponseTarget() {
    SlaStatus status = at("2026-03-20T12:00", created(Priority.NORMAL, SlaTier.KOPER),
        new PublicAgentReply(ams("2026-03-10T10:00")), new PublicAgentReply(ams("2026-03-17T10:00")));
    assertEquals(SlaState.MET, status.response().state());
    assertTrue(status.response().met());
    assertEquals(Optional.of(ams("2026-03-10T10:00")), status.response().metAt());
    assertEquals(Optional.of(ams("2026-03-16T12:00")), status.response().dueAt());
  }

  @Test
  void aRequestAwaitingApprovalRunsNoClockUntilItsCustomerAdminApproves() {
    Created created = created(Priority.NORMAL, SlaTier.KOPER);
    AwaitingApproval awaiting = new AwaitingApproval(MONDAY_0900);
    SlaStatus waiting = at("2026-03-17T09:00", created, awaiting);
    assertEquals(SlaState.PAUSED, waiting.response().state(), "a week without approval breaches nothing");
    assertEquals(SlaState.PAUSED, waiting.resolution().state());
    assertEquals(Optional.empty(), waiting.response().dueAt());
    assertEquals(List.of(), waiting.pending());

    SlaStatus approved = at("2026-03-17T09:00", created, awaiting, new Approved(ams("2026-03-11T09:00")));
    assertEquals(SlaState.RUNNING, approved.response().state());
    assertEquals(Optional.of(ams("2026-03-18T12:00")), approved.response().dueAt(),
        "48 business hours from Wednesday's approval, as from a Monday creation to next Monday 12:00");
    assertEquals(SlaState.RUNNING, approved.resolution().state());
  }

  @Test
  void aRequestRejectedBeforeApprovalMeetsAndBreachesNothing() {
    SlaStatus rejected = at("2026-03-20T09:00", created(Priority.NORMAL, SlaTier.KOPER),
        new AwaitingApproval(MONDAY_0900), new Resolved(ams("2026-03-10T09:00")));
    assertEquals(Optional.empty(), rejected.response().metAt());
    assertEquals(Optional.empty(), rejected.resolution().metAt(), "never started, so not counted as met");
    assertEquals(SlaState.PAUSED, rejected.resolution().state());
    assertEquals(List.of(), rejected.pending());
  }

  @Test
  void aTargetTheCurrentCalendarCannotReachHasNoDeadlineInsteadOfAnError() {
    // Opening hours cut to a quarter of an hour on Mondays after a Koper low ticket (168 business hours) was raised
    BusinessCalendar sparse = new BusinessCalendar(java.time.ZoneId.of("Europe/Amsterdam"),
        java.util.Map.of(java.time.DayOfWeek.MONDAY, new OpeningWindow(java.time.LocalTime.of(8, 30),
            java.time.LocalTime.of(8, 45))), DutchHolidays.defaults(), java.util.Set.of());
    SlaClock cut = new SlaClock(new SlaCalendars(sparse, new AroundTheClockCalendar()));
    SlaStatus status = cut.evaluate(List.of(created(Priority.LOW, SlaTier.KOPER)), ams("2026-03-10T09:00"));
    assertEquals(Optional.empty(), status.resolution().dueAt());
    assertEquals(SlaState.RUNNING, status.resolution().state());
    assertTrue(status.pending().stream().noneMatch(p -> p.target() == TargetKind.RESOLUTION), status.pending().toString());
  }

  @Test
  void withoutReplyTheResponseRunsUntilItsDueAndIsBreachedFromThen() {
    Created created = created(Priority.NORMAL, SlaTier.KOPER);
    assertEquals(SlaState.RUNNING, at("2026-03-16T11:59", created).response().state());
    assertEquals(SlaState.BREACHED, at("2026-03-16T12:00", created).response().state());
  }

  @Test
  void replyExactlyAtTheDueMeetsAndOneSecondLaterBreaches() {
    Created created = new Created(MONDAY_0900, Priority.CRITICAL, DefaultSlaTable.table().terms(SlaTier.GOUD));
    assertEquals(SlaState.MET, at("2026-03-09T12:00", created, new PublicAgentReply(ams("2026-03-09T10:00")))
        .response().state());
    assertEquals(SlaState.BREACHED, at("2026-03-09T12:00", created,
        new PublicAgentReply(ams("2026-03-09T10:00").plusSeconds(1))).response().state());
  }

  @Test
  void creationOnSaturdayNightRunsAtOnceForCriticalAndHighAndFromMondayForNormalAndLow() {
    String saturday = "2026-03-07T22:00";
    assertDue(saturday, Priority.CRITICAL, "2026-03-07T23:00", "2026-03-08T06:00");
    assertDue(saturday, Priority.HIGH, "2026-03-08T02:00", "2026-03-08T22:00");
    assertDue(saturday, Priority.NORMAL, "2026-03-09T16:30", "2026-03-16T11:30");
    assertDue(saturday, Priority.LOW, "2026-03-10T15:30", "2026-03-18T17:30");
  }

  @Test
  void creationDuringOfficeHoursCountsFromCreationForEveryPriority() {
    String monday = "2026-03-09T09:00";
    assertDue(monday, Priority.CRITICAL, "2026-03-09T10:00", "2026-03-09T17:00");
    assertDue(monday, Priority.HIGH, "2026-03-09T13:00", "2026-03-10T09:00");
    assertDue(monday, Priority.NORMAL, "2026-03-09T17:00", "2026-03-16T12:00");
    assertDue(monday, Priority.LOW, "2026-03-10T16:00", "2026-03-19T09:00");
  }

  private void assertDue(String createdAt, Priority priority, String response, String resolution) {
    SlaStatus status = clock.evaluate(List.of(new Created(ams(createdAt), priority, DefaultSlaTable.table().terms(SlaTier.GOUD))), ams(createdAt));
    assertEquals(Optional.of(ams(response)), status.response().dueAt(), priority + " response");
    assertEquals(Optional.of(ams(resolution)), status.resolution().dueAt(), priority + " resolution");
  }

  @Test
  void waitingForCustomerPausesOnlyTheResolutionClock() {
    SlaStatus status = at("2026-03-10T12:00", created(Priority.NORMAL, SlaTier.KOPER),
        new WaitingForCustomer(ams("2026-03-09T10:00")));
    assertEquals(SlaState.PAUSED, status.resolution().state());
    assertEquals(Optional.empty(), status.resolution().dueAt());
    assertEquals(SlaState.RUNNING, status.response().state());
    assertEquals(Optional.of(ams("2026-03-16T12:00")), status.response().dueAt());
  }

  @Test
  void resumeShiftsTheResolutionDueByThePausesCalendarTimeAcrossTheDstChange() {
    SlaStatus status = at("2026-03-11T12:00", created(Priority.NORMAL, SlaTier.KOPER),
        new WaitingForCustomer(ams("2026-03-09T10:00")), new CustomerAnswered(ams("2026-03-11T10:00")));
    assertEquals(SlaState.RUNNING, status.resolution().state());
    assertEquals(Optional.of(ams("2026-03-30T12:00")), status.resolution().dueAt());
    SlaStatus unpaused = at("2026-03-11T12:00", created(Priority.NORMAL, SlaTier.KOPER));
    assertEquals(Optional.of(ams("2026-03-26T12:00")), unpaused.resolution().dueAt());
  }

  @Test
  void responseIsBreachedEvenWhileWaitingForTheCustomer() {
    SlaStatus status = at("2026-03-09T11:00", new Created(MONDAY_0900, Priority.CRITICAL, DefaultSlaTable.table().terms(SlaTier.GOUD)),
        new WaitingForCustomer(ams("2026-03-09T09:30")));
    assertEquals(SlaState.BREACHED, status.response().state());
    assertEquals(SlaState.PAUSED, status.resolution().state());
  }

  @Test
  void pauseAfterTheDueDoesNotUndoABreach() {
    SlaStatus status = at("2026-03-09T20:00", new Created(MONDAY_0900, Priority.CRITICAL, DefaultSlaTable.table().terms(SlaTier.GOUD)),
        new WaitingForCustomer(ams("2026-03-09T18:00")));
    assertEquals(SlaState.BREACHED, status.resolution().state());
    assertEquals(Optional.of(ams("2026-03-09T17:00")), status.resolution().dueAt());
  }

  @Test
  void resolvedWhileWaitingMeetsTheResolutionTarget() {
    SlaStatus status = at("2026-03-20T12:00", new Created(MONDAY_0900, Priority.CRITICAL, DefaultSlaTable.table().terms(SlaTier.GOUD)),
        new WaitingForCustomer(ams("2026-03-09T10:00")), new Resolved(ams("2026-03-19T10:00")));
    assertEquals(SlaState.MET, status.resolution().state());
  }

  @Test
  void resolvedAfterTheDueIsBreachedAndBeforeIsMet() {
    Created created = new Created(MONDAY_0900, Priority.CRITICAL, DefaultSlaTable.table().terms(SlaTier.GOUD));
    assertEquals(SlaState.MET, at("2026-03-10T12:00", created, new Resolved(ams("2026-03-09T16:00")))
        .resolution().state());
    assertEquals(SlaState.BREACHED, at("2026-03-10T12:00", created, new Resolved(ams("2026-03-09T18:00")))
        .resolution().state());
  }

  @Test
  void reopenResumesTheResolutionClockWithoutCountingTheResolvedTime() {
    Created created = new Created(MONDAY_0900, Priority.CRITICAL, DefaultSlaTable.table().terms(SlaTier.GOUD));
    Resolved resolved = new Resolved(ams("2026-03-09T12:00"));
    Reopened reopened = new Reopened(ams("2026-03-09T14:00"));
    SlaStatus open = at("2026-03-09T15:00", created, resolved, reopened);
    assertEquals(SlaState.RUNNING, open.resolution().state());
    assertEquals(Optional.of(ams("2026-03-09T19:00")), open.resolution().dueAt());
    assertEquals(SlaState.MET, at("2026-03-09T20:00", created, resolved, reopened,
        new Resolved(ams("2026-03-09T18:00"))).resolution().state());
    assertEquals(SlaState.BREACHED, at("2026-03-09T21:00", created, resolved, reopened,
        new Resolved(ams("2026-03-09T20:00"))).resolution().state());
  }

  @Test
  void priorityChangeRecomputesPendingTargetsFromCreation() {
    SlaStatus status = at("2026-03-09T10:30", created(Priority.LOW, SlaTier.KOPER),
        new PriorityChanged(ams("2026-03-09T10:00"), Priority.CRITICAL));
    assertEquals(Priority.CRITICAL, status.response().priority());
    assertEquals(Optional.of(ams("2026-03-10T09:00")), status.response().dueAt());
    assertEquals(Optional.of(ams("2026-03-12T09:00")), status.resolution().dueAt());
    assertEquals(CalendarKind.AROUND_THE_CLOCK, status.resolution().calendar());
  }

  @Test
  void aPriorityChangeWhileResolvedAppliesWhenTheSolutionIsRejected() {
    // Goud critical: resolution 8 h on 24×7 from Monday 09:00; resolved at 12:00 (met), set to low at
    // 13:00 while resolved, reopened at 14:00: low (Goud: 72 business hours) from creation
    Created created = new Created(MONDAY_0900, Priority.CRITICAL, DefaultSlaTable.table().terms(SlaTier.GOUD));
    SlaStatus resolved = at("2026-03-09T13:30", created, new Resolved(ams("2026-03-09T12:00")),
        new PriorityChanged(ams("2026-03-09T13:00"), Priority.LOW));
    assertEquals(SlaState.MET, resolved.resolution().state());
    assertEquals(Priority.CRITICAL, resolved.resolution().priority(), "met at critical, shown as such while resolved");

    SlaStatus reopened = at("2026-03-09T15:00", created, new Resolved(ams("2026-03-09T12:00")),
        new PriorityChanged(ams("2026-03-09T13:00"), Priority.LOW), new Reopened(ams("2026-03-09T14:00")));
    assertEquals(Priority.LOW, reopened.resolution().priority());
    assertEquals(SlaState.RUNNING, reopened.resolution().state());
    assertEquals(CalendarKind.BUSINESS, reopened.resolution().calendar());
  }

  @Test
  void priorityChangeAfterTheResponseWasMetKeepsTheResponseOutcome() {
    SlaStatus status = at("2026-03-09T10:30", created(Priority.LOW, SlaTier.KOPER),
        new PublicAgentReply(ams("2026-03-09T09:30")), new PriorityChanged(ams("2026-03-09T10:00"), Priority.CRITICAL));
    assertEquals(Priority.LOW, status.response().priority());
    assertEquals(SlaState.MET, status.response().state());
    assertEquals(Priority.CRITICAL, status.resolution().priority());
  }

  @Test
  void priorityChangeAfterABreachKeepsTheBreach() {
    SlaStatus status = at("2026-03-09T11:30", new Created(MONDAY_0900, Priority.CRITICAL, DefaultSlaTable.table().terms(SlaTier.GOUD)),
        new PriorityChanged(ams("2026-03-09T11:00"), Priority.LOW));
    assertEquals(Priority.CRITICAL, status.response().priority());
    assertEquals(SlaState.BREACHED, status.response().state());
    assertEquals(Priority.LOW, status.resolution().priority());
    assertEquals(SlaState.RUNNING, status.resolution().state());
  }

  @Test
  void raisingThePriorityCanBreachATargetAtOnce() {
    SlaStatus status = at("2026-03-10T12:00", created(Priority.LOW, SlaTier.GOUD),
        new PriorityChanged(ams("2026-03-10T11:00"), Priority.CRITICAL));
    assertEquals(SlaState.BREACHED, status.response().state());
    assertEquals(Optional.of(ams("2026-03-09T10:00")), status.response().dueAt());
  }

  @Test
  void tierComesFromCreation() {
    SlaStatus brons = at("2026-03-09T09:00", new Created(MONDAY_0900, Priority.CRITICAL, DefaultSlaTable.table().terms(SlaTier.BRONS)));
    SlaStatus koper = at("2026-03-09T09:00", new Created(MONDAY_0900, Priority.CRITICAL, DefaultSlaTable.table().terms(SlaTier.KOPER)));
    assertEquals(Optional.of(ams("2026-03-09T17:00")), brons.response().dueAt());
    assertEquals(Optional.of(ams("2026-03-10T09:00")), koper.response().dueAt());
  }

  @Test
  void warningsFallAt80PercentOfTheTargetsCalendarTime() {
    SlaStatus status = at("2026-03-09T09:00", new Created(MONDAY_0900, Priority.CRITICAL, DefaultSlaTable.table().terms(SlaTier.GOUD)));
    assertEquals(Optional.of(ams("2026-03-09T09:48")), status.response().warningAt());
    assertEquals(Optional.of(ams("2026-03-09T15:24")), status.resolution().warningAt());
    assertEquals(List.of(
        new PendingSlaEvent(Kind.WARNING_80, TargetKind.RESPONSE, ams("2026-03-09T09:48")),
        new PendingSlaEvent(Kind.DEADLINE, TargetKind.RESPONSE, ams("2026-03-09T10:00")),
        new PendingSlaEvent(Kind.WARNING_80, TargetKind.RESOLUTION, ams("2026-03-09T15:24")),
        new PendingSlaEvent(Kind.DEADLINE, TargetKind.RESOLUTION, ams("2026-03-09T17:00"))), status.pending());
  }

  @Test
  void businessWarningSkipsTheClosedHours() {
    SlaStatus status = at("2026-03-09T09:00", created(Priority.NORMAL, SlaTier.KOPER));
    assertEquals(Optional.of(ams("2026-03-13T11:24")), status.response().warningAt());
  }

  @Test
  void metOrPausedTargetsLeaveNoTimersPending() {
    SlaStatus status = at("2026-03-09T10:00", new Created(MONDAY_0900, Priority.CRITICAL, DefaultSlaTable.table().terms(SlaTier.GOUD)),
        new PublicAgentReply(ams("2026-03-09T09:30")), new WaitingForCustomer(ams("2026-03-09T09:40")));
    assertEquals(List.of(new PendingSlaEvent(Kind.CUSTOMER_REMINDER, TargetKind.RESOLUTION, ams("2026-03-11T09:40"))),
        status.pending());
  }

  @Test
  void eventsAfterNowAreIgnored() {
    SlaStatus status = at("2026-03-09T09:20", new Created(MONDAY_0900, Priority.CRITICAL, DefaultSlaTable.table().terms(SlaTier.GOUD)),
        new PublicAgentReply(ams("2026-03-09T09:30")));
    assertEquals(SlaState.RUNNING, status.response().state());
  }

  @Test
  void timelineWithoutCreationIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> at("2026-03-09T10:00",
        new PublicAgentReply(ams("2026-03-09T09:30"))));
  }
}
