package nl.klantportaal.core.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.Map;
import nl.klantportaal.core.paging.InvalidCursorException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorCodecTest {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
  private final CursorCodec codec = new CursorCodec(KEY);
  private final CursorCodec.QueryScope acmeTickets =
      new CursorCodec.QueryScope("org-tickets", "GSI1", "GSI1PK", "TENANT#acme#TICKETS");
  private final Map<String, AttributeValue> lastKey = Map.of(
      "PK", AttributeValue.fromS("TENANT#acme#TICKET#12"), "SK", AttributeValue.fromS("PUB#TICKET"),
      "GSI1PK", AttributeValue.fromS("TENANT#acme#TICKETS"), "GSI1SK", AttributeValue.fromS("2026-11-23T09:00:00Z#12"));

  @Test
  void roundTripsTheLastEvaluatedKey() {
    assertEquals(lastKey, codec.decode(codec.encode(acmeTickets, lastKey), acmeTickets));
  }

  @Test
  void refusesAChangedCursor() {
    String cursor = codec.encode(acmeTickets, lastKey);
    String body = cursor.substring(0, cursor.indexOf('.'));
    String json = new String(Base64.getUrlDecoder().decode(body)).replace("acme", "beta");
    String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes()) + cursor.substring(cursor.indexOf('.'));
    assertThrows(InvalidCursorException.class, () -> codec.decode(forged, acmeTickets));
  }

  @Test
  void refusesACursorSignedWithAnotherKey() {
    String foreign = new CursorCodec("fedcba9876543210fedcba9876543210".getBytes()).encode(acmeTickets, lastKey);
    assertThrows(InvalidCursorException.class, () -> codec.decode(foreign, acmeTickets));
  }

  @Test
  void refusesACursorOfAnotherTenant() {
    var betaTickets = new CursorCodec.QueryScope("org-tickets", "GSI1", "GSI1PK", "TENANT#beta#TICKETS");
    String cursor = codec.encode(acmeTickets, lastKey);
    assertThrows(InvalidCursorException.class, () -> codec.decode(cursor, betaTickets));
  }

  @Test
  void refusesACursorOfAnotherQuery() {
    var byReporter = new CursorCodec.QueryScope("my-tickets", "GSI1", "GSI1PK", "TENANT#acme#TICKETS");
    String cursor = codec.encode(acmeTickets, lastKey);
    assertThrows(InvalidCursorException.class, () -> codec.decode(cursor, byReporter));
  }

  @Test
  void refusesAKeyOutsideThePartitionItClaims() {
    var otherPartition = Map.of("GSI1PK", AttributeValue.fromS("TENANT#beta#TICKETS"), "PK", AttributeValue.fromS("x"));
    String cursor = codec.encode(acmeTickets, otherPartition);
    assertThrows(InvalidCursorException.class, () -> codec.decode(cursor, acmeTickets));
  }

  @Test
  void refusesGarbage() {
    for (String garbage : new String[] {"", ".", "abc", "abc.", ".abc", "!!!.???", "a".repeat(5000)}) {
      assertThrows(InvalidCursorException.class, () -> codec.decode(garbage, acmeTickets), garbage);
    }
  }
}
