package nl.klantportaal.core.idempotency.usecase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.idempotency.port.IdempotencyKey;
import nl.klantportaal.core.idempotency.port.IdempotencyStore;
import nl.klantportaal.core.idempotency.port.StoredResponse;
import org.junit.jupiter.api.Test;

/** The claim made alongside the reads: the one write waits for it, a lost claim writes nothing and answers as the first. */
class IdempotentExecutionAlongsideReadsTest {
  private static final IdempotencyKey KEY = new IdempotencyKey(Optional.empty(), new UserId("u-1"), "POST /tickets", "k-1");

  private final MemoryStore store = new MemoryStore();
  private final IdempotentExecution execution = new IdempotentExecution(store,
      Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC), Duration.ofHours(24), Duration.ofMillis(200));
  private final AtomicInteger writes = new AtomicInteger();

  private StoredResponse write(String body) {
    ClaimGate.beforeWrite();
    writes.incrementAndGet();
    return new StoredResponse(201, Map.of(), body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theFirstRequestWritesOnceAndItsAnswerIsStored() {
    StoredResponse answer = execution.executeAlongsideReads(KEY, "h", () -> write("first"));
    assertEquals(201, answer.status());
    assertEquals(1, writes.get());
    assertArrayEquals("first".getBytes(StandardCharsets.UTF_8), store.records.get(KEY).response().orElseThrow().body());
  }

  @Test
  void aRetryWhoseClaimIsLostWritesNothingAndGetsTheFirstAnswer() {
    execution.executeAlongsideReads(KEY, "h", () -> write("first"));
    StoredResponse again = execution.executeAlongsideReads(KEY, "h", () -> write("second"));
    assertArrayEquals("first".getBytes(StandardCharsets.UTF_8), again.body());
    assertEquals(1, writes.get(), "the retry's write never ran");
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefusedWithoutWriting() {
    execution.executeAlongsideReads(KEY, "h", () -> write("first"));
    var conflict = assertThrows(IdempotentExecution.IdempotencyConflict.class,
        () -> execution.executeAlongsideReads(KEY, "other", () -> write("second")));
    assertEquals(IdempotentExecution.IdempotencyConflict.Kind.KEY_REUSED, conflict.kind());
    assertEquals(1, writes.get());
  }

  @Test
  void aRefusalBeforeTheWriteReleasesTheKeySoARetryRunsAgain() {
    assertThrows(IllegalArgumentException.class, () -> execution.executeAlongsideReads(KEY, "h", () -> {
      throw new IllegalArgumentException("bad input");
    }));
    assertTrue(store.records.isEmpty(), "released");
    assertEquals(201, execution.executeAlongsideReads(KEY, "h", () -> write("first")).status());
    assertEquals(1, writes.get());
  }

  @Test
  void outsideSuchARequestTheGateLetsEveryWriteThrough() {
    ClaimGate.beforeWrite();
    assertEquals(201, write("plain").status());
  }

  private static final class MemoryStore implements IdempotencyStore {
    final Map<IdempotencyKey, Record> records = new HashMap<>();

    @Override
    public synchronized boolean tryClaim(IdempotencyKey key, String requestHash, Instant now, Instant expiresAt) {
      return records.putIfAbsent(key, new Record(requestHash, Optional.empty())) == null;
    }

    @Override
    public synchronized Optional<Record> find(IdempotencyKey key, Instant now) {
      return Optional.ofNullable(records.get(key));
    }

    @Override
    public synchronized void complete(IdempotencyKey key, StoredResponse response) {
      records.put(key, new Record(records.get(key).requestHash(), Optional.of(response)));
    }

    @Override
    public synchronized void release(IdempotencyKey key) {
      records.remove(key);
    }
  }
}
