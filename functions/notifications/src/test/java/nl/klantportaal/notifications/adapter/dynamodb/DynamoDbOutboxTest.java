package nl.klantportaal.notifications.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.notifications.domain.OutboxEntry;
import nl.klantportaal.notifications.port.Outbox;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The outbox on DynamoDB Local: an entry's attachment is kept in its item and read back byte for byte. */
class DynamoDbOutboxTest {
  private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
  private static final Instant LEASE = NOW.plus(Duration.ofMinutes(5));
  private KernelWiring wiring;
  private DynamoDbOutbox outbox;

  @BeforeEach
  void freshTable() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    wiring = new KernelWiring(Config.fromEnvironment(TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable())),
        Clock.fixed(NOW, ZoneOffset.UTC));
    outbox = new DynamoDbOutbox(wiring.table());
  }

  /** A PDF-like file of {@code size} bytes: a PDF header, then every byte value over and over. */
  private static byte[] pdf(int size) {
    byte[] bytes = new byte[size];
    byte[] header = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < size; i++) {
      bytes[i] = i < header.length ? header[i] : (byte) i;
    }
    return bytes;
  }

  private static OutboxEntry invoiceMail(String id, Optional<MailSender.Attachment> attachment) {
    return new OutboxEntry(id, "INVOICE#acme#2026-0042", MailKind.INVOICE, new TenantId("acme"), 0, "ilse",
        "it@acme.example.test", "Factuur 2026-0042", "Beste Ilse,\n\nIn de bijlage uw factuur.", "<p>Beste Ilse,</p>",
        attachment, "<i." + id + "@example.test>", "<i." + id + "@example.test>", OutboxEntry.State.PENDING, 1, Optional.empty(),
        NOW);
  }

  private Map<String, AttributeValue> item(String id) {
    return wiring.table().client().getItem(r -> r.tableName(wiring.table().name())
        .key(Map.of("PK", AttributeValue.fromS("OUTBOX#" + id), "SK", AttributeValue.fromS("OUTBOX")))).item();
  }

  @Test
  void anAttachmentIsStoredAsBinaryWithItsNameAndTypeAndReadBackExactly() {
    byte[] pdf = pdf(48 * 1024);
    var attachment = new MailSender.Attachment("Factuur 2026-0042 – Bäckerei.pdf", "application/pdf", pdf);
    assertTrue(outbox.claim(invoiceMail("inv-1", Optional.of(attachment)), LEASE));

    Map<String, AttributeValue> stored = item("inv-1");
    assertArrayEquals(pdf, stored.get("attachment").b().asByteArray(), "a binary attribute, not base64 text");
    assertEquals("Factuur 2026-0042 – Bäckerei.pdf", stored.get("attachmentName").s());
    assertEquals("application/pdf", stored.get("attachmentType").s());

    OutboxEntry found = outbox.find("inv-1").orElseThrow();
    assertEquals(Optional.of(attachment), found.attachment());
    assertArrayEquals(pdf, found.attachment().orElseThrow().content());
    assertEquals(invoiceMail("inv-1", Optional.of(attachment)), new OutboxEntry(found.id(), found.eventId(), found.kind(),
        found.tenant(), found.number(), found.recipientId(), found.to(), found.subject(), found.text(), found.html(),
        found.attachment(), found.messageId(), found.threadRootId(), found.state(), found.attempts(), Optional.empty(),
        found.createdAt()), "the rest of the entry as claimed (nextAttemptAt is the lease)");

    assertTrue(outbox.markSent("inv-1", NOW.plusSeconds(2), "ses-1"));
    assertEquals(Optional.of(attachment), outbox.find("inv-1").orElseThrow().attachment(), "kept once sent, until the TTL");
  }

  @Test
  void anEntryWithoutAnAttachmentStoresNoneAndReadsBackEmpty() {
    assertTrue(outbox.claim(invoiceMail("inv-2", Optional.empty()), LEASE));
    Map<String, AttributeValue> stored = item("inv-2");
    assertFalse(stored.containsKey("attachment") || stored.containsKey("attachmentName") || stored.containsKey("attachmentType"),
        stored.keySet().toString());
    assertEquals(Optional.empty(), outbox.find("inv-2").orElseThrow().attachment());
  }

  @Test
  void anAttachmentOf300KiBFitsAndOneByteMoreIsRefusedBeforeAnythingIsWritten() {
    var largest = new MailSender.Attachment("jaaroverzicht.pdf", "application/pdf", pdf(DynamoDbOutbox.MAX_ATTACHMENT_BYTES));
    assertTrue(outbox.claim(invoiceMail("inv-3", Optional.of(largest)), LEASE), "DynamoDB takes the item with room to spare");
    assertEquals(Optional.of(largest), outbox.find("inv-3").orElseThrow().attachment());

    var tooLarge = new MailSender.Attachment("jaaroverzicht.pdf", "application/pdf",
        pdf(DynamoDbOutbox.MAX_ATTACHMENT_BYTES + 1));
    var refused = assertThrows(IllegalArgumentException.class,
        () -> outbox.claim(invoiceMail("inv-4", Optional.of(tooLarge)), LEASE));
    assertTrue(refused.getMessage().contains("300 KiB"), refused.getMessage());
    assertEquals(Optional.empty(), outbox.find("inv-4"), "nothing was claimed");
  }

  @Test
  void aBatchOfSentMarksIsWrittenTogetherAndOneNoLongerPendingLeavesTheOthersMarked() {
    // 101 marks: one transaction of 100 and one of 1; the mark of an entry given up meanwhile fails only itself.
    List<Outbox.SentMark> marks = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      assertTrue(outbox.claim(invoiceMail("batch-" + i, Optional.empty()), LEASE));
      marks.add(new Outbox.SentMark("batch-" + i, NOW.plusSeconds(i), "ses-" + i));
    }
    outbox.markFailed("batch-7", NOW, "address-failing:permanent-bounce");

    assertEquals(List.of("batch-7"), outbox.markAllSent(marks), "the one that was no longer PENDING");

    for (int i = 0; i < 101; i++) {
      Map<String, AttributeValue> stored = item("batch-" + i);
      if (i == 7) {
        assertEquals("FAILED", stored.get("state").s(), "a FAILED entry is not marked SENT");
        assertFalse(stored.containsKey("providerMessageId"));
        continue;
      }
      assertEquals("SENT", stored.get("state").s(), "batch-" + i);
      assertEquals(NOW.plusSeconds(i).toString(), stored.get("sentAt").s());
      assertEquals("ses-" + i, stored.get("providerMessageId").s());
      assertFalse(stored.containsKey("DuePK") || stored.containsKey("DueSK") || stored.containsKey("nextAttemptAt"),
          "off the DueIndex: the retry job does not send it again");
    }
    assertEquals(List.of("batch-0", "batch-100"), outbox.markAllSent(List.of(marks.getFirst(), marks.getLast())),
        "marked once: a second mark finds them SENT");
    assertEquals(List.of(), outbox.markAllSent(List.of()));
  }
}
