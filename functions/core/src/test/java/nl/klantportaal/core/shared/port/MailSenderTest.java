package nl.klantportaal.core.shared.port;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.shared.port.MailSender.Attachment;
import org.junit.jupiter.api.Test;

class MailSenderTest {
  private static final byte[] PDF = "%PDF-1.7\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1);

  @Test
  void anAttachmentKeepsItsNameTypeAndBytes() {
    var attachment = new Attachment("Factuur 2026-0042 – Acme.pdf", "application/pdf", PDF);
    assertEquals("Factuur 2026-0042 – Acme.pdf", attachment.fileName());
    assertEquals("application/pdf", attachment.contentType());
    assertArrayEquals(PDF, attachment.content());
    assertEquals(PDF.length, attachment.size());
  }

  @Test
  void theBytesAreCopiedInAndOutSoTheRecordStaysImmutable() {
    byte[] bytes = PDF.clone();
    var attachment = new Attachment("factuur.pdf", "application/pdf", bytes);
    bytes[0] = 'X';
    attachment.content()[1] = 'Y';
    assertArrayEquals(PDF, attachment.content());
    assertEquals(new Attachment("factuur.pdf", "application/pdf", PDF.clone()), attachment, "equal by content");
    assertFalse(attachment.toString().contains("PDF"), "toString names the size, not the bytes: " + attachment);
    assertTrue(attachment.toString().contains(PDF.length + " bytes"), attachment.toString());
  }

  @Test
  void aNameThatCouldInjectAHeaderOrAPathIsRefused() {
    for (String name : List.of("", "factuur\r\nBcc: x@example.test.pdf", "factuur\n.pdf", "..", ".", "../factuur.pdf",
        "map/factuur.pdf", "C:\\factuur.pdf", "tab\there.pdf", "kapot\uD800.pdf", "a".repeat(121))) {
      assertThrows(IllegalArgumentException.class, () -> new Attachment(name, "application/pdf", PDF), name);
    }
    assertEquals(120, new Attachment("a".repeat(116) + ".pdf", "application/pdf", PDF).fileName().length());
    assertEquals("🧾".repeat(120), new Attachment("🧾".repeat(120), "application/pdf", PDF).fileName(),
        "120 characters, counted as code points");
  }

  @Test
  void theContentTypeIsABareTypeAndSubtype() {
    for (String type : List.of("", "pdf", "application/pdf; name=x", "application/pdf\r\nBcc: x@example.test", "/pdf")) {
      assertThrows(IllegalArgumentException.class, () -> new Attachment("factuur.pdf", type, PDF), type);
    }
    assertEquals("application/vnd.ms-excel", new Attachment("uren.xls", "application/vnd.ms-excel", PDF).contentType());
  }

  @Test
  void theContentIsOneByteToOneMebibyte() {
    assertThrows(IllegalArgumentException.class, () -> new Attachment("leeg.pdf", "application/pdf", new byte[0]));
    assertThrows(IllegalArgumentException.class,
        () -> new Attachment("groot.pdf", "application/pdf", new byte[Attachment.MAX_BYTES + 1]));
    assertEquals(Attachment.MAX_BYTES, new Attachment("net.pdf", "application/pdf", new byte[Attachment.MAX_BYTES]).size());
  }

  @Test
  void aThreadedMailWithoutAttachmentsHasNoneAndItsListIsItsOwn() {
    var plain = new MailSender.ThreadedMail("a@example.test", "b@example.test", Optional.empty(), "s", "t", "h",
        "<m@example.test>", "<r@example.test>");
    assertEquals(List.of(), plain.attachments());

    List<Attachment> files = new ArrayList<>(List.of(new Attachment("factuur.pdf", "application/pdf", PDF)));
    var withPdf = new MailSender.ThreadedMail("a@example.test", "b@example.test", Optional.empty(), "s", "t", "h",
        "<m@example.test>", "<r@example.test>", files);
    files.clear();
    assertEquals(1, withPdf.attachments().size(), "the mail copied the list");
    assertThrows(UnsupportedOperationException.class, () -> withPdf.attachments().clear());
  }
}
