package nl.klantportaal.ticketing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TicketTest {
  private static final Instant T0 = Instant.parse("2026-11-23T09:30:00Z");
  private static final TenantId ACME = new TenantId("acme-fixture");
  private static final Actor.Person REPORTER = new Actor.Person(new UserId("jan"), Role.CUSTOMER_USER, "Jan");
  private static final Actor.Person AGENT = new Actor.Person(new UserId("agent"), Role.PROVIDER_AGENT, "Agent");
  private static final UserId COLLEAGUE = new UserId("piet");

  private static Ticket ticket(boolean needsApproval) {
    return Ticket.create(new TicketRef(ACME, new TicketNumber(42)), TicketType.INCIDENT, "email", Priority.NORMAL, "Outlook",
        "start niet", REPORTER, List.of(COLLEAGUE), TicketSource.PORTAL, Optional.empty(), Map.of(), needsApproval ? ApprovalState.PENDING : ApprovalState.NONE,
        Optional.empty(), REPORTER, T0);
  }

  /** A ticket in {@code status}, reached through legal steps only. */
  private static Ticket in(TicketStatus status) {
    Ticket t = ticket(false);
    return switch (status) {
      case NEW -> t;
      case OPEN -> t.apply(TicketAction.OPEN, AGENT, T0);
      case WAITING_FOR_CUSTOMER -> t.apply(TicketAction.WAIT_FOR_CUSTOMER, AGENT, T0);
      case RESOLVED -> t.apply(TicketAction.RESOLVE, AGENT, T0);
      case CLOSED -> t.apply(TicketAction.RESOLVE, AGENT, T0).apply(TicketAction.ACCEPT, REPORTER, T0);
    };
  }

  private static final Map<TicketAction, Set<TicketStatus>> LEGAL = Map.of(
      TicketAction.OPEN, EnumSet.of(TicketStatus.NEW),
      TicketAction.WAIT_FOR_CUSTOMER, EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN),
      TicketAction.RESUME, EnumSet.of(TicketStatus.WAITING_FOR_CUSTOMER),
      TicketAction.RESOLVE, EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.WAITING_FOR_CUSTOMER),
      TicketAction.ACCEPT, EnumSet.of(TicketStatus.RESOLVED),
      TicketAction.REJECT, EnumSet.of(TicketStatus.RESOLVED));

  @ParameterizedTest
  @EnumSource(TicketStatus.class)
  void everyActionFromEveryStatusIsLegalOrA409(TicketStatus from) {
    for (TicketAction action : TicketAction.values()) {
      Actor.Person actor = action.side() == TicketAction.Side.PROVIDER ? AGENT : REPORTER;
      Ticket before = in(from);
      if (LEGAL.get(action).contains(from)) {
        Ticket after = before.apply(action, actor, T0.plusSeconds(60));
        assertEquals(action.to(), after.status(), action + " from " + from);
        assertEquals(before.version() + 1, after.version());
        assertEquals(actor.id(), after.lastChange().by());
      } else {
        var e = assertThrows(DomainException.Conflict.class, () -> before.apply(action, actor, T0), action + " from " + from);
        assertEquals(DomainException.Conflict.Kind.ILLEGAL_STATE, e.kind());
      }
    }
  }

  @Test
  void eachSideMayOnlyAskForItsOwnActions() {
    assertThrows(DomainException.Forbidden.class, () -> in(TicketStatus.NEW).apply(TicketAction.RESOLVE, REPORTER, T0));
    assertThrows(DomainException.Forbidden.class, () -> in(TicketStatus.RESOLVED).apply(TicketAction.ACCEPT, AGENT, T0));
  }

  @Test
  void resolvingStampsTheTimeAndReopeningClearsIt() {
    Ticket resolved = in(TicketStatus.OPEN).apply(TicketAction.RESOLVE, AGENT, T0.plusSeconds(10));
    assertEquals(Optional.of(T0.plusSeconds(10)), resolved.resolvedAt());
    Ticket rejected = resolved.apply(TicketAction.REJECT, REPORTER, T0.plusSeconds(20));
    assertEquals(TicketStatus.OPEN, rejected.status());
    assertEquals(Optional.empty(), rejected.resolvedAt());
    Ticket closed = resolved.apply(TicketAction.ACCEPT, REPORTER, T0.plusSeconds(30));
    assertEquals(Optional.of(T0.plusSeconds(30)), closed.closedAt());
    assertEquals(Optional.of(T0.plusSeconds(10)), closed.resolvedAt());
  }

  @Test
  void autoCloseOnlyAfterTheConfiguredDays() {
    Ticket resolved = in(TicketStatus.RESOLVED);
    Duration week = Duration.ofDays(7);
    assertTrue(resolved.autoClose(week, T0.plus(week).minusSeconds(1)).isEmpty());
    Ticket closed = resolved.autoClose(week, T0.plus(week)).orElseThrow();
    assertEquals(TicketStatus.CLOSED, closed.status());
    assertEquals("system", closed.lastChange().by());
    assertTrue(in(TicketStatus.OPEN).autoClose(week, T0.plus(Duration.ofDays(30))).isEmpty());
  }

  @Test
  void repliesMoveTheStatusTheWayPeopleExpect() {
    assertEquals(TicketStatus.OPEN, in(TicketStatus.WAITING_FOR_CUSTOMER).afterPublicReply(REPORTER, T0).status());
    assertEquals(TicketStatus.OPEN, in(TicketStatus.NEW).afterPublicReply(AGENT, T0).status());
    assertEquals(TicketStatus.NEW, in(TicketStatus.NEW).afterPublicReply(REPORTER, T0).status());
    assertEquals(TicketStatus.RESOLVED, in(TicketStatus.RESOLVED).afterPublicReply(REPORTER, T0).status());
    assertEquals(TicketStatus.NEW, in(TicketStatus.NEW).afterInternalNote(AGENT, T0).status());
  }

  @Test
  void aClosedTicketTakesNoMoreAndIsTheOnlyOneToFollowUp() {
    Ticket closed = in(TicketStatus.CLOSED);
    assertThrows(DomainException.Conflict.class, () -> closed.afterPublicReply(REPORTER, T0));
    assertThrows(DomainException.Conflict.class, () -> closed.afterInternalNote(AGENT, T0));
    assertThrows(DomainException.Conflict.class, () -> closed.triage(Priority.HIGH, "email", Optional.empty(), AGENT, T0));
    closed.requireClosedForFollowUp();
    assertThrows(DomainException.Conflict.class, () -> in(TicketStatus.RESOLVED).requireClosedForFollowUp());
  }

  @Test
  void approvalBlocksWorkUntilDecidedAndRejectionCloses() {
    Ticket waiting = ticket(true);
    assertEquals(ApprovalState.PENDING, waiting.approval());
    assertThrows(DomainException.Conflict.class, () -> waiting.apply(TicketAction.OPEN, AGENT, T0));
    Actor.Person admin = new Actor.Person(new UserId("anna"), Role.CUSTOMER_ADMIN, "Anna");
    Ticket approved = waiting.decideApproval(true, admin, T0);
    assertEquals(ApprovalState.APPROVED, approved.approval());
    assertEquals(TicketStatus.OPEN, approved.apply(TicketAction.OPEN, AGENT, T0).status());
    assertThrows(DomainException.Conflict.class, () -> approved.decideApproval(false, admin, T0));
    Ticket rejected = waiting.decideApproval(false, admin, T0);
    assertEquals(TicketStatus.CLOSED, rejected.status());
    assertEquals(ApprovalState.REJECTED, rejected.approval());
    assertEquals(waiting.version() + 1, rejected.version(), "one change, one version step");
    assertEquals(Optional.of(T0), rejected.closedAt());
  }

  @Test
  void visibility() {
    Ticket t = ticket(false);
    Caller jan = new Caller(new UserId("jan"), Optional.of(ACME), Role.CUSTOMER_USER, true, Optional.empty());
    Caller piet = new Caller(COLLEAGUE, Optional.of(ACME), Role.CUSTOMER_USER, true, Optional.empty());
    Caller kees = new Caller(new UserId("kees"), Optional.of(ACME), Role.CUSTOMER_USER, true, Optional.empty());
    Caller anna = new Caller(new UserId("anna"), Optional.of(ACME), Role.CUSTOMER_ADMIN, true, Optional.empty());
    Caller foreignAdmin = new Caller(new UserId("eve"), Optional.of(new TenantId("globex")), Role.CUSTOMER_ADMIN, true,
        Optional.empty());
    Caller agent = new Caller(new UserId("agent"), Optional.empty(), Role.PROVIDER_AGENT, true, Optional.empty());
    assertTrue(t.visibleTo(jan));
    assertTrue(t.visibleTo(piet));
    assertFalse(t.visibleTo(kees));
    assertTrue(t.visibleTo(anna));
    assertFalse(t.visibleTo(foreignAdmin));
    assertTrue(t.visibleTo(agent));
  }

  @Test
  void tokensRoundTripAndNonsenseIsNoTicket() {
    TicketRef ref = new TicketRef(ACME, new TicketNumber(42));
    assertEquals("acme-fixture-42", ref.token());
    assertEquals(Optional.of(ref), TicketRef.parse("acme-fixture-42"));
    for (String bad : List.of("", "42", "acme-fixture-", "acme-fixture-0", "acme-fixture-042", "ACME-1", "a b-1",
        "acme-fixture-123456789")) {
      assertTrue(TicketRef.parse(bad).isEmpty(), bad);
    }
  }
}
