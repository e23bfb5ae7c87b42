package nl.klantportaal.sla.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import nl.klantportaal.core.adapter.dynamodb.CursorCodec;
import nl.klantportaal.accounts.adapter.dynamodb.DynamoDbCustomerRepository;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.notifications.domain.OutboxEntry;
import nl.klantportaal.sla.adapter.dynamodb.DynamoDbSlaRecords;
import nl.klantportaal.sla.adapter.dynamodb.DynamoDbSlaSettings;
import nl.klantportaal.sla.adapter.dynamodb.SlaRecordWrites;
import nl.klantportaal.sla.domain.PendingSlaEvent;
import nl.klantportaal.sla.domain.SlaChange;
import nl.klantportaal.sla.domain.SlaEvent;
import nl.klantportaal.sla.domain.SlaRecord;
import nl.klantportaal.sla.port.SlaRecords;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.ticketing.adapter.dynamodb.DynamoDbTicketRepository;
import nl.klantportaal.ticketing.domain.Actor;
import nl.klantportaal.ticketing.domain.AuthorSide;
import nl.klantportaal.ticketing.domain.Priority;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketMessage;
import nl.klantportaal.ticketing.domain.TicketNumber;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketSource;
import nl.klantportaal.ticketing.domain.TicketType;
import nl.klantportaal.ticketing.port.TicketRepository.TicketChange;
import nl.klantportaal.ticketing.usecase.CompanionTickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The SLA as the tickets' companion ({@code CompanionTickets} with {@link SlaTracking}) when a
 * ticket change races the due-events scan, on DynamoDB Local: the scan moving the ticket's SLA
 * record between the change's read and its write is no conflict for the person making the change;
 * another person changing the ticket itself still is.
 */
class SlaTrackingTest {
  private static final Instant T0 = Instant.parse("2026-11-23T09:30:00Z");
  private static final Instant T1 = T0.plusSeconds(60);
  private static final TenantId ACME = new TenantId("acme-race");
  private static final Actor.Person JAN = new Actor.Person(new UserId("jan"), Role.CUSTOMER_USER, "Jan");
  private static final Actor.Person AGENT = new Actor.Person(new UserId("agent"), Role.PROVIDER_AGENT, "Agent");

  private PortalTable table;
  private final AtomicInteger reads = new AtomicInteger();
  private CompanionTickets tickets;
  private Ticket ticket;

  @BeforeEach
  void ticketOfACustomer() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    table = new PortalTable(dynamoDb.client(), dynamoDb.createPortalTable(),
        new CursorCodec("0123456789abcdef0123456789abcdef".getBytes()));
    var customers = new DynamoDbCustomerRepository(table);
    customers.create(new Customer(ACME, new CustomerDetails("Acme", List.of(), SlaTier.KOPER, Language.NL,
        Optional.empty()), T0, T0, 1));
    tickets = new CompanionTickets(new DynamoDbTicketRepository(table, new SlaRecordWrites(table)), new SlaTracking(
        new ScanFiresAfterFirstRead(new DynamoDbSlaRecords(table)), id -> customers.find(id).map(Customer::slaTier),
        new DynamoDbSlaSettings(table)));
    TicketRef ref = new TicketRef(ACME, new TicketNumber(1));
    ticket = Ticket.create(ref, TicketType.INCIDENT, "email", Priority.HIGH, "Outlook", "start niet", JAN, List.of(),
        TicketSource.PORTAL, Optional.empty(), Map.of(), nl.klantportaal.ticketing.domain.ApprovalState.NONE, Optional.empty(), JAN, T0);
    tickets.create(ticket, List.of(), TicketAudit.of(JAN, T0, "created", Map.of()), Optional.empty());
    reads.set(0);
  }

  private TicketChange agentReply(String id) {
    var message = new TicketMessage(id, ticket.ref(), AGENT.userId(), AGENT.name(), AuthorSide.PROVIDER, "Antwoord",
        false, TicketSource.PORTAL, T1);
    return new TicketChange(ticket, ticket.afterPublicReply(AGENT, T1), List.of(message),
        List.of(TicketAudit.of(AGENT, T1, "replied", Map.of())), Optional.empty());
  }

  @Test
  void theScanMovingTheSlaRecordMeanwhileIsRetriedNotRefused() {
    tickets.save(agentReply("m1"));

    assertEquals(2, reads.get(), "read, lost to the scan, read again");
    assertEquals(2, tickets.find(ticket.ref()).orElseThrow().version());
    SlaRecord record = new DynamoDbSlaRecords(table).find(ticket.ref()).orElseThrow();
    assertTrue(record.timeline().stream().anyMatch(e -> e instanceof SlaEvent.PublicAgentReply), record.toString());
    assertTrue(record.fired().contains("WARNING_80#RESPONSE#test"), "what the scan fired stays fired");
  }

  @Test
  void anotherChangeOfTheTicketItselfIsStillAConflict() {
    tickets.save(agentReply("m1"));
    var stale = assertThrows(DomainException.Conflict.class, () -> tickets.save(agentReply("m2")));
    assertEquals(DomainException.Conflict.Kind.VERSION, stale.kind());
  }

  @Test
  void aMailAnnouncedByAChangeIsWrittenWithItAndNotWhenTheChangeLosesItsRace() {
    var repository = new DynamoDbTicketRepository(table, new SlaRecordWrites(table));
    SlaRecord record = new DynamoDbSlaRecords(table).find(ticket.ref()).orElseThrow();
    Ticket reminded = ticket.customerReminded(T1);
    TicketChange stale = new TicketChange(ticket, reminded, List.of(), List.of(), Optional.empty());
    tickets.save(agentReply("m1")); // the ticket moves on first: the change below started from version 1

    var lost = stale.withCompanion(new SlaChange(Optional.of(record), record, List.of(mail("lost")), T1.plusSeconds(300)));
    assertThrows(DomainException.Conflict.class, () -> repository.save(lost));
    assertTrue(outboxItem("lost").isEmpty(), "a change that lost its race mails nothing");

    Ticket current = tickets.find(ticket.ref()).orElseThrow();
    SlaRecord now = new DynamoDbSlaRecords(table).find(ticket.ref()).orElseThrow();
    repository.save(new TicketChange(current, current.customerReminded(T1.plusSeconds(1)), List.of(), List.of(),
        Optional.empty()).withCompanion(new SlaChange(Optional.of(now), now, List.of(mail("kept")), T1.plusSeconds(300))));
    var kept = outboxItem("kept").orElseThrow(() -> new AssertionError("the written change's mail is in the outbox"));
    assertEquals("PENDING", kept.get("state").s());
    assertEquals("DUE#MAIL#", kept.get("DuePK").s().substring(0, 9), "due for the retry job until it is sent");
  }

  private static OutboxEntry mail(String id) {
    return new OutboxEntry(id, "sla-test", MailKind.SLA_REMINDER, ACME, 1, "jan", "jan@acme.example.test",
        "[#acme-race-1] Herinnering", "tekst", "<p>tekst</p>", "<" + id + "@portal.example.test>",
        "<root@portal.example.test>", OutboxEntry.State.PENDING, 1, Optional.empty(), T1);
  }

  private Optional<Map<String, AttributeValue>> outboxItem(String id) {
    var item = table.client().getItem(r -> r.tableName(table.name()).consistentRead(true)
        .key(Map.of("PK", AttributeValue.fromS("OUTBOX#" + id), "SK", AttributeValue.fromS("OUTBOX")))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  /**
   * The real records, where the first read is followed by what a scan firing one of the ticket's
   * events does to the record: {@code ADD slaVersion 1} (and a fired key).
   */
  private final class ScanFiresAfterFirstRead implements SlaRecords {
    private final SlaRecords real;

    ScanFiresAfterFirstRead(SlaRecords real) {
      this.real = real;
    }

    @Override
    public Optional<SlaRecord> find(TicketRef ref) {
      Optional<SlaRecord> read = real.find(ref);
      if (reads.incrementAndGet() == 1) {
        table.client().updateItem(r -> r.tableName(table.name())
            .key(Map.of("PK", AttributeValue.fromS("TENANT#" + ref.tenant().value() + "#TICKET#" + ref.number().padded()),
                "SK", AttributeValue.fromS("STAFF#SLA")))
            .updateExpression("ADD #fired :key, #v :one")
            .expressionAttributeNames(Map.of("#fired", "fired", "#v", "slaVersion"))
            .expressionAttributeValues(Map.of(":key", AttributeValue.fromSs(List.of("WARNING_80#RESPONSE#test")),
                ":one", AttributeValue.fromN("1"))));
      }
      return read;
    }

    @Override
    public boolean fire(TicketRef ref, PendingSlaEvent event, List<String> firedKeys, List<OutboxEntry> mails,
        Instant mailLeaseUntil, Optional<ComplianceCount> count) {
      return real.fire(ref, event, firedKeys, mails, mailLeaseUntil, count);
    }

    @Override
    public boolean reschedule(TicketRef ref, SlaChange change) {
      return real.reschedule(ref, change);
    }

    @Override
    public ComplianceMonth month(TenantId tenant, java.time.YearMonth month) {
      return real.month(tenant, month);
    }
  }
}
