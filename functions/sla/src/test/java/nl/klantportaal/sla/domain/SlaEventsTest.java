package nl.klantportaal.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.ticketing.domain.Actor;
import nl.klantportaal.ticketing.domain.AuthorSide;
import nl.klantportaal.ticketing.domain.Priority;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketAction;
import nl.klantportaal.ticketing.domain.TicketMessage;
import nl.klantportaal.ticketing.domain.TicketNumber;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketSource;
import nl.klantportaal.ticketing.domain.TicketType;
import org.junit.jupiter.api.Test;

class SlaEventsTest {
  private static final Instant T0 = Instant.parse("2026-11-23T09:30:00Z");
  private static final Instant T1 = T0.plusSeconds(60);
  private static final TicketRef REF = new TicketRef(new TenantId("acme-fixture"), new TicketNumber(7));
  private static final Actor.Person JAN = new Actor.Person(new UserId("jan"), Role.CUSTOMER_USER, "Jan");
  private static final Actor.Person AGENT = new Actor.Person(new UserId("agent"), Role.PROVIDER_AGENT, "Agent");

  private static Ticket created() {
    return Ticket.create(REF, TicketType.INCIDENT, "email", Priority.HIGH, "Outlook", "start niet", JAN, List.of(),
        TicketSource.PORTAL, Optional.empty(), Map.of(), nl.klantportaal.ticketing.domain.ApprovalState.NONE, Optional.empty(), JAN, T0);
  }

  private static TicketMessage message(Actor.Person author, boolean internal) {
    return new TicketMessage("m1", REF, author.userId(), author.name(),
        author.isStaff() ? AuthorSide.PROVIDER : AuthorSide.CUSTOMER, "tekst", internal, TicketSource.PORTAL, T1);
  }

  @Test
  void theTimelineStartsWithTheCustomersTierAndTheTicketsPriority() {
    assertEquals(new SlaEvent.Created(T0, Priority.HIGH, DefaultSlaTable.table().terms(SlaTier.GOUD)), SlaEvents.created(created(), DefaultSlaTable.table().terms(SlaTier.GOUD)));
  }

  @Test
  void aRequestNeedingApprovalOpensAwaitingItAndItsApprovalStartsTheClocks() {
    Ticket request = Ticket.create(REF, TicketType.SERVICE_REQUEST, "email", Priority.NORMAL, "Teams-kanaal", "graag",
        JAN, List.of(), TicketSource.PORTAL, Optional.of("teams-team-or-channel"), Map.of(), nl.klantportaal.ticketing.domain.ApprovalState.PENDING, Optional.empty(), JAN,
        T0);
    var terms = DefaultSlaTable.table().terms(SlaTier.KOPER);
    assertEquals(List.of(SlaEvents.created(request, terms), new SlaEvent.AwaitingApproval(T0)),
        SlaEvents.opening(request, terms));
    assertEquals(List.of(SlaEvents.created(created(), terms)), SlaEvents.opening(created(), terms));
    Actor.Person admin = new Actor.Person(new UserId("anna"), Role.CUSTOMER_ADMIN, "Anna");
    assertEquals(List.of(new SlaEvent.Approved(T1)), SlaEvents.of(request, request.decideApproval(true, admin, T1), List.of()));
    assertEquals(List.of(new SlaEvent.Resolved(T1)), SlaEvents.of(request, request.decideApproval(false, admin, T1),
        List.of()), "a rejection closes the request");
  }

  @Test
  void aPublicAgentReplyIsTheResponseButNotesAndCustomerRepliesAreNot() {
    Ticket t = created();
    assertEquals(List.of(new SlaEvent.PublicAgentReply(T1)),
        SlaEvents.of(t, t.afterPublicReply(AGENT, T1), List.of(message(AGENT, false))));
    assertEquals(List.of(), SlaEvents.of(t, t.afterInternalNote(AGENT, T1), List.of(message(AGENT, true))));
    assertEquals(List.of(), SlaEvents.of(t, t.afterPublicReply(JAN, T1), List.of(message(JAN, false))));
  }

  @Test
  void waitingPausesAndTheCustomersAnswerOrAResumeResumes() {
    Ticket waiting = created().apply(TicketAction.WAIT_FOR_CUSTOMER, AGENT, T0);
    assertEquals(List.of(new SlaEvent.WaitingForCustomer(T0)),
        SlaEvents.of(created(), waiting, List.of()));
    assertEquals(List.of(new SlaEvent.CustomerAnswered(T1)),
        SlaEvents.of(waiting, waiting.afterPublicReply(JAN, T1), List.of(message(JAN, false))));
    assertEquals(List.of(new SlaEvent.CustomerAnswered(T1)),
        SlaEvents.of(waiting, waiting.apply(TicketAction.RESUME, AGENT, T1), List.of()));
  }

  @Test
  void resolvingMeetsBothTargetsAndARejectionReopens() {
    Ticket open = created().apply(TicketAction.OPEN, AGENT, T0);
    Ticket resolved = open.apply(TicketAction.RESOLVE, AGENT, T1);
    assertEquals(List.of(new SlaEvent.PublicAgentReply(T1), new SlaEvent.Resolved(T1)),
        SlaEvents.of(open, resolved, List.of()));
    Instant t2 = T1.plusSeconds(60);
    assertEquals(List.of(new SlaEvent.Reopened(t2)), SlaEvents.of(resolved, resolved.apply(TicketAction.REJECT, JAN, t2),
        List.of()));
    assertEquals(List.of(), SlaEvents.of(resolved, resolved.apply(TicketAction.ACCEPT, JAN, t2), List.of()),
        "accepting a solution changes no clock");
  }

  @Test
  void triageToAnotherPriorityIsAPriorityChangeAndOtherTriageIsNothing() {
    Ticket t = created();
    assertEquals(List.of(new SlaEvent.PriorityChanged(T1, Priority.CRITICAL)),
        SlaEvents.of(t, t.triage(Priority.CRITICAL, "email", Optional.empty(), AGENT, T1), List.of()));
    assertEquals(List.of(), SlaEvents.of(t, t.triage(Priority.HIGH, "network", Optional.of(AGENT.userId()), AGENT, T1),
        List.of()));
    assertEquals(List.of(new SlaEvent.PriorityChanged(T1, Priority.NORMAL)),
        SlaEvents.of(t, t.priorityDropped(T1), List.of()), "the waiting policy's drop is a priority change too");
  }
}
