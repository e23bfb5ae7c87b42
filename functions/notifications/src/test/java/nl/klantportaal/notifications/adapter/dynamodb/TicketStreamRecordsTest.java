package nl.klantportaal.notifications.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.notifications.domain.TicketChange;
import nl.klantportaal.notifications.usecase.StreamedChange;
import nl.klantportaal.ticketing.domain.AuthorSide;
import nl.klantportaal.ticketing.domain.TicketStatus;
import org.junit.jupiter.api.Test;

/** Stream records decoded by the ticket item contract (docs/data-model.md "Ticket items"). */
class TicketStreamRecordsTest {
  private static final String PK = "TENANT#acme#TICKET#00000042";

  private static AttributeValue s(String value) {
    return new AttributeValue().withS(value);
  }

  private static Map<String, AttributeValue> ticket(String status, String by) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("PK", s(PK));
    item.put("SK", s("PUB#TICKET"));
    item.put("tenantId", s("acme"));
    item.put("number", new AttributeValue().withN("42"));
    item.put("token", s("acme-42"));
    item.put("title", s("Printer"));
    item.put("reporterId", s("jan"));
    item.put("involved", new AttributeValue().withL(List.of(s("greta"))));
    item.put("assigneeId", new AttributeValue().withNULL(true));
    item.put("status", s(status));
    item.put("lastChangeBy", s(by));
    return item;
  }

  private static DynamodbEvent.DynamodbStreamRecord record(String event, String sk, Map<String, AttributeValue> newImage,
      Map<String, AttributeValue> oldImage) {
    DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
    record.setEventID("event-1");
    record.setEventName(event);
    StreamRecord stream = new StreamRecord();
    stream.setKeys(Map.of("PK", s(PK), "SK", s(sk)));
    stream.setNewImage(newImage);
    stream.setOldImage(oldImage);
    stream.setSequenceNumber("1");
    record.setDynamodb(stream);
    return record;
  }

  private static TicketChange change(StreamedChange decoded) {
    return assertInstanceOf(StreamedChange.Change.class, decoded).change();
  }

  @Test
  void anInsertedTicketIsCreatedWithItsPeople() {
    var created = assertInstanceOf(TicketChange.Created.class,
        change(TicketStreamRecords.decode(record("INSERT", "PUB#TICKET", ticket("new", "jan"), null))));
    assertEquals("event-1", created.eventId());
    assertEquals(42, created.number());
    assertEquals(List.of(new UserId("greta")), created.ticket().involved());
    assertEquals(Optional.empty(), created.ticket().assignee(), "assigneeId NULL is unassigned");
    assertEquals("", created.ticket().description(), "description may be absent");
    assertEquals("jan", created.actor());
  }

  @Test
  void anInsertedPublicMessageIsAReply() {
    Map<String, AttributeValue> message = new HashMap<>(Map.of("tenantId", s("acme"), "number", new AttributeValue().withN("42"),
        "id", s("m1"), "authorId", s("anna"), "authorName", s("Anna"), "authorSide", s("provider"), "body", s("Fixed")));
    var reply = assertInstanceOf(TicketChange.PublicMessage.class,
        change(TicketStreamRecords.decode(record("INSERT", "PUB#MSG#2026-11-23T10:00:00Z#m1", message, null))));
    assertEquals(AuthorSide.PROVIDER, reply.side());
    assertEquals("anna", reply.actor());
    assertEquals("Fixed", reply.body());
  }

  @Test
  void aModifiedTicketWithAnotherStatusIsAStatusChange() {
    var changed = assertInstanceOf(TicketChange.StatusChanged.class, change(TicketStreamRecords.decode(
        record("MODIFY", "PUB#TICKET", ticket("resolved", "anna"), ticket("open", "jan")))));
    assertEquals(TicketStatus.OPEN, changed.from());
    assertEquals(TicketStatus.RESOLVED, changed.to());
    assertEquals("anna", changed.actor(), "the author is lastChangeBy of the new image");
  }

  @Test
  void aRequestWhoseApprovalWentFromPendingToApprovedIsAnApproval() {
    Map<String, AttributeValue> pending = ticket("new", "jan");
    pending.put("approval", s("pending"));
    Map<String, AttributeValue> approved = ticket("new", "ilse");
    approved.put("approval", s("approved"));
    var change = assertInstanceOf(TicketChange.Approved.class,
        change(TicketStreamRecords.decode(record("MODIFY", "PUB#TICKET", approved, pending))));
    assertEquals("ilse", change.actor(), "the approving admin is not mailed about her own decision");
    assertEquals("acme-42", change.ticket().token());
    assertInstanceOf(StreamedChange.Ignored.class,
        TicketStreamRecords.decode(record("MODIFY", "PUB#TICKET", approved, approved)), "an approved request changed again");
  }

  @Test
  void everythingElseIsIgnoredWithAReason() {
    var samestatus = TicketStreamRecords.decode(record("MODIFY", "PUB#TICKET", ticket("open", "anna"), ticket("open", "jan")));
    var watch = TicketStreamRecords.decode(record("INSERT", "PUB#WATCH#greta", Map.of("userId", s("greta")), null));
    var removed = TicketStreamRecords.decode(record("REMOVE", "PUB#TICKET", null, ticket("closed", "system")));
    var note = TicketStreamRecords.decode(record("INSERT", "STAFF#NOTE#2026-11-23T10:00:00Z#n1", Map.of("body", s("x")), null));
    for (var decoded : List.of(samestatus, watch, removed, note)) {
      assertInstanceOf(StreamedChange.Ignored.class, decoded);
    }
    assertEquals("ticket changed, status did not", ((StreamedChange.Ignored) samestatus).reason());
    assertTrue(((StreamedChange.Ignored) note).reason().contains("non-public"));
  }

  @Test
  void anItemBreakingTheContractIsAnErrorNamingTheAttribute() {
    Map<String, AttributeValue> broken = ticket("new", "jan");
    broken.remove("reporterId");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TicketStreamRecords.decode(record("INSERT", "PUB#TICKET", broken, null)));
    assertEquals("Ticket item lacks the attribute reporterId", e.getMessage());
  }
}
