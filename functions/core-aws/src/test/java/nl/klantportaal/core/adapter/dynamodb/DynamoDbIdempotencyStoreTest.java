package nl.klantportaal.core.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.idempotency.port.IdempotencyKey;
import nl.klantportaal.core.idempotency.port.StoredResponse;
import nl.klantportaal.core.idempotency.usecase.IdempotentExecution;
import nl.klantportaal.testing.LocalDynamoDb;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DynamoDbIdempotencyStoreTest {
  private static PortalTable table;
  private static DynamoDbIdempotencyStore store;

  @BeforeAll
  static void table() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    table = new PortalTable(dynamoDb.client(), dynamoDb.createPortalTable(),
        new CursorCodec("0123456789abcdef0123456789abcdef".getBytes()));
    store = new DynamoDbIdempotencyStore(table);
  }

  private static IdempotencyKey key(String clientKey) {
    return new IdempotencyKey(Optional.of(new TenantId("acme-idem")), new UserId("user-1"), "POST /tickets", clientKey);
  }

  private static StoredResponse answer(String text) {
    return new StoredResponse(201, Map.of("location", "/tickets/1"), text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void concurrentRetriesRunTheWorkOnceAndGetTheSameAnswer() throws Exception {
    var execution = new IdempotentExecution(store, Clock.systemUTC(), Duration.ofHours(24), Duration.ofSeconds(10));
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<StoredResponse>> answers = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        Callable<StoredResponse> retry = () -> {
          start.await();
          return execution.execute(key("concurrent"), "hash-a", () -> {
            runs.incrementAndGet();
            pauseBriefly();
            return answer("ticket " + runs.get());
          });
        };
        answers.add(pool.submit(retry));
      }
      start.countDown();
      for (Future<StoredResponse> answer : answers) {
        StoredResponse response = answer.get();
        assertEquals(201, response.status());
        assertArrayEquals("ticket 1".getBytes(StandardCharsets.UTF_8), response.body());
        assertEquals("/tickets/1", response.headers().get("location"));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, runs.get());
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefused() {
    var execution = new IdempotentExecution(store, Clock.systemUTC(), Duration.ofHours(24), Duration.ofSeconds(1));
    execution.execute(key("reused"), "hash-a", () -> answer("first"));
    var e = assertThrows(IdempotentExecution.IdempotencyConflict.class,
        () -> execution.execute(key("reused"), "hash-b", () -> answer("second")));
    assertEquals(IdempotentExecution.IdempotencyConflict.Kind.KEY_REUSED, e.kind());
  }

  @Test
  void aFailedAttemptReleasesTheKeySoARetryRuns() {
    var execution = new IdempotentExecution(store, Clock.systemUTC(), Duration.ofHours(24), Duration.ofSeconds(1));
    assertThrows(IllegalStateException.class, () -> execution.execute(key("failing"), "hash-a", () -> {
      throw new IllegalStateException("downstream failed");
    }));
    assertArrayEquals("retried".getBytes(StandardCharsets.UTF_8),
        execution.execute(key("failing"), "hash-a", () -> answer("retried")).body());
  }

  @Test
  void anExpiredRecordCanBeClaimedAgainAndCarriesTheTtlAttribute() {
    Instant past = Instant.parse("2026-01-01T00:00:00Z");
    var before = new IdempotentExecution(store, Clock.fixed(past, ZoneOffset.UTC), Duration.ofHours(24), Duration.ofSeconds(1));
    before.execute(key("expiring"), "hash-a", () -> answer("old"));
    var item = table.client().getItem(r -> r.tableName(table.name()).key(DynamoDbIdempotencyStore.key(key("expiring")))).item();
    assertEquals(Long.toString(past.plus(Duration.ofHours(24)).getEpochSecond()), item.get("expiresAt").n());

    var now = new IdempotentExecution(store, Clock.systemUTC(), Duration.ofHours(24), Duration.ofSeconds(1));
    assertArrayEquals("new".getBytes(StandardCharsets.UTF_8), now.execute(key("expiring"), "hash-b", () -> answer("new")).body());
  }

  @Test
  void keysAreScopedToTheTenantAndStoredHashed() {
    var execution = new IdempotentExecution(store, Clock.systemUTC(), Duration.ofHours(24), Duration.ofSeconds(1));
    var acme = key("shared-key");
    var beta = new IdempotencyKey(Optional.of(new TenantId("beta-idem")), acme.user(), acme.routeKey(), acme.clientKey());
    execution.execute(acme, "hash-a", () -> answer("acme"));
    assertArrayEquals("beta".getBytes(StandardCharsets.UTF_8), execution.execute(beta, "hash-b", () -> answer("beta")).body());
    String pk = DynamoDbIdempotencyStore.key(beta).get("PK").s();
    assertEquals(true, pk.startsWith("TENANT#beta-idem#IDEMPOTENCY#"), pk);
    assertEquals(false, pk.contains("shared-key"), pk);
    var staff = new IdempotencyKey(Optional.empty(), acme.user(), acme.routeKey(), acme.clientKey());
    assertEquals(true, DynamoDbIdempotencyStore.key(staff).get("PK").s().startsWith("PROVIDER#IDEMPOTENCY#"));
  }

  private static void pauseBriefly() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
