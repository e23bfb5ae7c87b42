package nl.klantportaal.ticketing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketStepTest {
  private static final Instant T0 = Instant.parse("2026-11-10T09:00:00Z");

  private static TicketStep step(long minutes, TicketStatus status, Priority priority, String category) {
    return new TicketStep(T0.plusSeconds(60 * minutes), status, priority, category);
  }

  @Test
  void aStepIsAddedOnlyWhenStatusPriorityOrCategoryChanges() {
    List<TicketStep> one = List.of(step(0, TicketStatus.NEW, Priority.HIGH, "email"));
    assertSame(one, TicketStep.append(one, step(5, TicketStatus.NEW, Priority.HIGH, "email")), "a reply changes none of the three");
    assertEquals(2, TicketStep.append(one, step(5, TicketStatus.OPEN, Priority.HIGH, "email")).size());
    assertEquals(2, TicketStep.append(one, step(5, TicketStatus.NEW, Priority.CRITICAL, "email")).size());
    assertEquals(2, TicketStep.append(one, step(5, TicketStatus.NEW, Priority.HIGH, "network")).size());
  }

  @Test
  void theFirstAndTheLatestStepsAreKept() {
    List<TicketStep> steps = new ArrayList<>(List.of(step(0, TicketStatus.NEW, Priority.HIGH, "email")));
    List<TicketStep> kept = List.copyOf(steps);
    for (int i = 1; i <= 150; i++) {
      kept = TicketStep.append(kept, step(i, i % 2 == 0 ? TicketStatus.OPEN : TicketStatus.WAITING_FOR_CUSTOMER, Priority.HIGH,
          "email"));
    }
    assertEquals(TicketStep.MAX_STEPS, kept.size());
    assertEquals(TicketStatus.NEW, kept.getFirst().status(), "how it began");
    assertEquals(T0.plusSeconds(60 * 150), kept.getLast().at(), "how it stands");
  }

  @Test
  void theStepInForceBeforeAMomentIsTheLastThatBeganBeforeIt() {
    List<TicketStep> steps = List.of(step(0, TicketStatus.NEW, Priority.HIGH, "email"),
        step(60, TicketStatus.RESOLVED, Priority.HIGH, "email"), step(120, TicketStatus.OPEN, Priority.CRITICAL, "email"));
    assertEquals(Optional.empty(), TicketStep.before(steps, T0));
    assertEquals(TicketStatus.NEW, TicketStep.before(steps, T0.plusSeconds(3600)).orElseThrow().status(), "not yet resolved then");
    assertEquals(TicketStatus.RESOLVED, TicketStep.before(steps, T0.plusSeconds(3601)).orElseThrow().status());
    assertEquals(Priority.CRITICAL, TicketStep.before(steps, T0.plusSeconds(99_999)).orElseThrow().priority());
  }

  @Test
  void stepsAreStoredAsTextAndReadBack() {
    TicketStep step = step(0, TicketStatus.WAITING_FOR_CUSTOMER, Priority.LOW, "e-mail|odd");
    assertEquals("2026-11-10T09:00:00Z|waiting-for-customer|low|e-mail|odd", step.encode());
    assertEquals(step, TicketStep.decode(step.encode()));
    assertThrows(IllegalArgumentException.class, () -> TicketStep.decode("2026-11-10T09:00:00Z|new"));
  }

  @Test
  void aTicketRecordsItsStepsAsItMoves() {
    var reporter = new Actor.Person(new nl.klantportaal.core.claims.UserId("jan"), nl.klantportaal.core.claims.Role.CUSTOMER_USER,
        "Jan");
    var agent = new Actor.Person(new nl.klantportaal.core.claims.UserId("sem"), nl.klantportaal.core.claims.Role.PROVIDER_AGENT,
        "Sem");
    Ticket ticket = Ticket.create(new TicketRef(new nl.klantportaal.core.claims.TenantId("acme"), new TicketNumber(1)),
        TicketType.INCIDENT, "email", Priority.HIGH, "Outlook", "Start niet", reporter, List.of(), TicketSource.PORTAL,
        Optional.empty(), java.util.Map.of(), nl.klantportaal.ticketing.domain.ApprovalState.NONE, Optional.empty(), reporter, T0);
    Ticket resolved = ticket.apply(TicketAction.RESOLVE, agent, T0.plusSeconds(600));
    assertEquals(List.of(step(0, TicketStatus.NEW, Priority.HIGH, "email"), step(10, TicketStatus.RESOLVED, Priority.HIGH, "email")),
        resolved.steps());
  }
}
