package nl.klantportaal.sla.domain;

import static nl.klantportaal.sla.domain.BusinessCalendarTest.ams;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.sla.domain.PendingSlaEvent.Kind;
import nl.klantportaal.sla.domain.SlaEvent.Created;
import nl.klantportaal.sla.domain.SlaEvent.CustomerAnswered;
import nl.klantportaal.sla.domain.SlaEvent.CustomerReminded;
import nl.klantportaal.sla.domain.SlaEvent.PriorityChanged;
import nl.klantportaal.sla.domain.SlaEvent.PublicAgentReply;
import nl.klantportaal.sla.domain.SlaEvent.WaitingForCustomer;
import nl.klantportaal.ticketing.domain.Priority;
import org.junit.jupiter.api.Test;

/** The waiting-for-customer policy as the clock schedules it (Microsoft seed: lower the severity when unanswered). */
class SlaWaitingScheduleTest {

  private final SlaClock clock = new SlaClock(SlaCalendars.defaults());

  private static List<SlaEvent> waitingTicket(Priority priority, SlaEvent... more) {
    return waitingTicket(DefaultSlaTable.table(), priority, more);
  }

  /** A Koper ticket raised under {@code table}, waiting for the customer since Friday 24 April 10:00. */
  private static List<SlaEvent> waitingTicket(SlaTable table, Priority priority, SlaEvent... more) {
    List<SlaEvent> events = new ArrayList<>(List.of(new Created(ams("2026-04-20T09:00"), priority,
            table.terms(SlaTier.KOPER)),
        new PublicAgentReply(ams("2026-04-20T09:30")), new WaitingForCustomer(ams("2026-04-24T10:00"))));
    events.addAll(List.of(more));
    return events;
  }

  private static Optional<PendingSlaEvent> waitingStep(SlaStatus status) {
    return status.pending().stream()
        .filter(p -> p.kind() == Kind.CUSTOMER_REMINDER || p.kind() == Kind.PRIORITY_DROP).findFirst();
  }

  @Test
  void firstReminderFollowsTwoBusinessDaysSkippingKingsDay() {
    SlaStatus status = clock.evaluate(waitingTicket(Priority.NORMAL), ams("2026-04-24T11:00"));
    assertEquals(Optional.of(new PendingSlaEvent(Kind.CUSTOMER_REMINDER, TargetKind.RESOLUTION,
        ams("2026-04-29T10:00"))), waitingStep(status));
  }

  @Test
  void nextReminderCountsFromTheLastOne() {
    SlaStatus status = clock.evaluate(waitingTicket(Priority.NORMAL, new CustomerReminded(ams("2026-04-29T10:00"))),
        ams("2026-04-29T11:00"));
    assertEquals(Optional.of(ams("2026-05-01T10:00")), waitingStep(status).map(PendingSlaEvent::dueAt));
    assertEquals(Optional.of(Kind.CUSTOMER_REMINDER), waitingStep(status).map(PendingSlaEvent::kind));
  }

  @Test
  void afterTwoUnansweredRemindersThePriorityDrops() {
    SlaStatus status = clock.evaluate(waitingTicket(Priority.NORMAL, new CustomerReminded(ams("2026-04-29T10:00")),
        new CustomerReminded(ams("2026-05-01T10:00"))), ams("2026-05-01T11:00"));
    assertEquals(Optional.of(new PendingSlaEvent(Kind.PRIORITY_DROP, TargetKind.RESOLUTION, ams("2026-05-05T10:00"))),
        waitingStep(status));
  }

  @Test
  void thePolicyFollowsTheTicketsCurrentPriorityAlsoAfterTheResolutionTargetWasBreached() {
    // Koper high: 96 h on 24×7 from Monday 20 April 09:00, breached Friday 24 April 09:00; then set to low
    List<SlaEvent> lowered = new ArrayList<>(List.of(new Created(ams("2026-04-20T09:00"), Priority.HIGH,
        DefaultSlaTable.table().terms(SlaTier.KOPER)), new PublicAgentReply(ams("2026-04-20T09:30")),
        new PriorityChanged(ams("2026-04-24T12:00"), Priority.LOW), new WaitingForCustomer(ams("2026-04-24T13:00")),
        new CustomerReminded(ams("2026-04-29T13:00")), new CustomerReminded(ams("2026-05-01T13:00"))));
    SlaStatus status = clock.evaluate(lowered, ams("2026-05-01T14:00"));
    assertEquals(SlaState.BREACHED, status.resolution().state());
    assertEquals(Priority.HIGH, status.resolution().priority(), "a breached target keeps its priority");
    assertEquals(Optional.empty(), waitingStep(status), "but the ticket is low now: no drop to schedule");

    List<SlaEvent> raised = new ArrayList<>(lowered.subList(0, 2));
    raised.addAll(List.of(new PriorityChanged(ams("2026-04-24T12:00"), Priority.CRITICAL),
        new WaitingForCustomer(ams("2026-04-24T13:00")), new CustomerReminded(ams("2026-04-29T13:00")),
        new CustomerReminded(ams("2026-05-01T13:00"))));
    assertEquals(Optional.of(Kind.PRIORITY_DROP),
        waitingStep(clock.evaluate(raised, ams("2026-05-01T14:00"))).map(PendingSlaEvent::kind),
        "a critical ticket still drops after its unanswered reminders");
  }

  @Test
  void lowPriorityGetsNoDropAfterTheReminders() {
    SlaStatus status = clock.evaluate(waitingTicket(Priority.LOW, new CustomerReminded(ams("2026-04-29T10:00")),
        new CustomerReminded(ams("2026-05-01T10:00"))), ams("2026-05-01T11:00"));
    assertEquals(Optional.empty(), waitingStep(status));
  }

  @Test
  void aRecordedDropStartsANewReminderCycle() {
    SlaStatus status = clock.evaluate(waitingTicket(Priority.NORMAL, new CustomerReminded(ams("2026-04-29T10:00")),
        new CustomerReminded(ams("2026-05-01T10:00")), new PriorityChanged(ams("2026-05-05T10:00"), Priority.LOW)),
        ams("2026-05-05T11:00"));
    assertEquals(Optional.of(new PendingSlaEvent(Kind.CUSTOMER_REMINDER, TargetKind.RESOLUTION,
        ams("2026-05-07T10:00"))), waitingStep(status));
    assertEquals(Priority.LOW, status.resolution().priority());
  }

  @Test
  void anAnswerEndsTheReminders() {
    SlaStatus status = clock.evaluate(waitingTicket(Priority.NORMAL, new CustomerAnswered(ams("2026-04-28T10:00"))),
        ams("2026-04-28T11:00"));
    assertEquals(Optional.empty(), waitingStep(status));
  }

  @Test
  void switchedOffPolicySchedulesNothing() {
    SlaTable off = DefaultSlaTable.table().withWaitingPolicy(SlaTier.KOPER, WaitingPolicy.defaults().withEnabled(false));
    assertEquals(Optional.empty(), waitingStep(clock.evaluate(waitingTicket(off, Priority.NORMAL), ams("2026-04-24T11:00"))));
  }

  @Test
  void policyOfAnotherTierDoesNotApply() {
    SlaTable goudOff = DefaultSlaTable.table().withWaitingPolicy(SlaTier.GOUD, WaitingPolicy.defaults().withEnabled(false));
    assertEquals(Optional.of(Kind.CUSTOMER_REMINDER), waitingStep(clock.evaluate(waitingTicket(goudOff, Priority.NORMAL),
        ams("2026-04-24T11:00"))).map(PendingSlaEvent::kind));
  }
}
