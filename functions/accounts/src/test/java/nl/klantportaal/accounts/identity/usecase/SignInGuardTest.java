package nl.klantportaal.accounts.identity.usecase;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import nl.klantportaal.accounts.adapter.dynamodb.DynamoDbSignInAttempts;
import nl.klantportaal.accounts.identity.domain.ThrottlePolicy;
import nl.klantportaal.core.adapter.dynamodb.CursorCodec;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.testing.LocalDynamoDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guard with its DynamoDB counter on DynamoDB Local. */
class SignInGuardTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private DynamoDbSignInAttempts attempts;

  @BeforeEach
  void table() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    attempts = new DynamoDbSignInAttempts(new PortalTable(dynamoDb.client(), dynamoDb.createPortalTable(),
        new CursorCodec("0123456789abcdef0123456789abcdef".getBytes())));
  }

  private SignInGuard at(Instant now) {
    return new SignInGuard(attempts, ThrottlePolicy.DEFAULT, Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void theFifthFailureFromOneAddressLocksThatAccountThereOnly() {
    for (int i = 0; i < 5; i++) {
      SignInGuard guard = at(T0.plusSeconds(i));
      guard.checkAllowed("Sanne@Bakkerij.example.test", "203.0.113.10");
      guard.recordFailure("sanne@bakkerij.example.test", "203.0.113.10");
    }
    var refused = assertThrows(DomainException.TooManyAttempts.class,
        () -> at(T0.plusSeconds(10)).checkAllowed("sanne@bakkerij.example.test", "203.0.113.10"));
    assertEquals(Duration.ofSeconds(15 * 60 - 10), refused.retryAfter());
    assertDoesNotThrow(() -> at(T0.plusSeconds(10)).checkAllowed("sanne@bakkerij.example.test", "198.51.100.7"),
        "the owner elsewhere is not locked out by a stranger");
    assertDoesNotThrow(() -> at(T0.plusSeconds(15 * 60 + 1)).checkAllowed("sanne@bakkerij.example.test", "203.0.113.10"));
  }

  @Test
  void twentyFailuresFromOneAddressLockEveryAccountFromThere() {
    for (int i = 0; i < 20; i++) {
      at(T0.plusSeconds(i)).recordFailure("user" + i + "@example.test", "192.0.2.1");
    }
    assertThrows(DomainException.TooManyAttempts.class, () -> at(T0.plusSeconds(30)).checkAllowed("new@example.test", "192.0.2.1"));
    assertDoesNotThrow(() -> at(T0.plusSeconds(30)).checkAllowed("new@example.test", "192.0.2.2"));
  }
}
