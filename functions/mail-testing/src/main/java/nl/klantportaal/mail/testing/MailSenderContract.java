package nl.klantportaal.mail.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.klantportaal.core.shared.port.MailSender;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MailSender} promises, run against {@link RecordingMailSender} (the handler tests'
 * fake) and against SesMailSender on aws-ses-v2-local (infrastructure/local): a sent mail reaches each
 * recipient with its subject and text as written (accents and symbols included) and answers a message
 * id; a threaded mail arrives from the sender it names (an invoice from the administrative address)
 * with its attachments byte for byte, under their own names and types; a threaded send the provider
 * refuses or cannot be reached for is a {@link MailSender.SendFailure} whose reason names no address.
 */
public abstract class MailSenderContract {

  /**
   * What reached one inbox: the sender as the provider shows it (an address, possibly with its display
   * name), the recipient, subject, plain text and the attached files.
   */
  public record Delivered(String from, String to, String subject, String text, List<MailSender.Attachment> attachments) {
    public Delivered {
      attachments = List.copyOf(attachments);
    }
  }

  /** The sender under test. */
  protected abstract MailSender sender();

  /** Every mail delivered so far (to any recipient). */
  protected abstract List<Delivered> delivered();

  /** A sender of the same kind whose provider refuses every send or cannot be reached. */
  protected abstract MailSender refusingSender();

  private static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  private List<Delivered> deliveredWith(String subject) {
    return delivered().stream().filter(d -> d.subject().equals(subject)).toList();
  }

  @Test
  void aThreadedMailReachesItsRecipientAsWritten() {
    String subject = unique("[#acme-42] Opgelost: Printer ‘2e’ verdieping – € 12,50, Grüße");
    String id = sender().send(new MailSender.ThreadedMail("Klantportaal <support@portal.example.test>",
        "jan@acme.example.test", Optional.empty(), subject, "Beste Jan,\n\nHet is opgelost: ü, é, €.\n",
        "<p>Beste Jan,</p><p>Het is opgelost: ü, é, €.</p>", "<m1@portal.example.test>", "<root@portal.example.test>"));

    assertFalse(id.isBlank(), "the provider's message id");
    List<Delivered> mails = deliveredWith(subject);
    assertEquals(1, mails.size(), mails.toString());
    assertTrue(mails.getFirst().to().contains("jan@acme.example.test"), mails.toString());
    assertTrue(mails.getFirst().from().contains("support@portal.example.test"), mails.getFirst().from());
    assertTrue(mails.getFirst().text().contains("Het is opgelost: ü, é, €."), mails.getFirst().text());
    assertEquals(List.of(), mails.getFirst().attachments());
  }

  /** A PDF-like file: a PDF header, every byte value three times over (so the transfer encoding must be exact), an EOF marker. */
  private static byte[] pdfLike() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
    for (int i = 0; i < 3 * 256; i++) {
      out.write(i & 0xff);
    }
    out.writeBytes("\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  @Test
  void anInvoiceArrivesFromTheAdministrativeSenderWithItsPdfAsSent() {
    String subject = unique("Factuur 2026-0042 – Bäckerei Müller");
    var pdf = new MailSender.Attachment("Factuur 2026-0042 – Bäckerei Müller.pdf", "application/pdf", pdfLike());
    String id = sender().send(new MailSender.ThreadedMail("Klantportaal administratie <administratie@portal.example.test>",
        "ilse@acme.example.test", Optional.empty(), subject, "Beste Ilse,\n\nIn de bijlage: factuur 2026-0042 (€ 1.210,00).\n",
        "<p>Beste Ilse,</p><p>In de bijlage: factuur 2026-0042 (€ 1.210,00).</p>", "<i1@portal.example.test>",
        "<i1@portal.example.test>", List.of(pdf)));

    assertFalse(id.isBlank(), "the provider's message id");
    List<Delivered> mails = deliveredWith(subject);
    assertEquals(1, mails.size(), mails.toString());
    Delivered invoice = mails.getFirst();
    assertTrue(invoice.to().contains("ilse@acme.example.test"), invoice.to());
    assertTrue(invoice.from().contains("administratie@portal.example.test"), invoice.from());
    assertTrue(invoice.from().contains("Klantportaal administratie"), invoice.from());
    assertTrue(invoice.text().contains("In de bijlage: factuur 2026-0042 (€ 1.210,00)."), invoice.text());
    assertEquals(List.of(pdf), invoice.attachments(), "name, type and exact bytes");
  }

  @Test
  void anAccountMailReachesEveryRecipient() {
    String subject = unique("Uw verificatiecode");
    String id = sender().send(new MailSender.OutgoingMail(List.of("anna@acme.example.test", "piet@acme.example.test"),
        subject, "<p>Code: 123456</p>", "Code: 123456"));

    assertFalse(id.isBlank());
    List<Delivered> mails = deliveredWith(subject);
    assertTrue(mails.stream().anyMatch(m -> m.to().contains("anna@acme.example.test")), mails.toString());
    assertTrue(mails.stream().anyMatch(m -> m.to().contains("piet@acme.example.test")), mails.toString());
    assertTrue(mails.stream().allMatch(m -> m.text().contains("Code: 123456")), mails.toString());
  }

  @Test
  void aRefusedThreadedSendIsASendFailureThatNamesNoAddress() {
    var mail = new MailSender.ThreadedMail("support@portal.example.test", "jan@acme.example.test", Optional.empty(),
        unique("Refused"), "text", "<p>text</p>", "<m2@portal.example.test>", "<root@portal.example.test>");
    var failure = assertThrows(MailSender.SendFailure.class, () -> refusingSender().send(mail));
    assertFalse(failure.reason().isBlank());
    assertFalse(failure.reason().contains("@"), failure.reason());
    assertTrue(deliveredWith(mail.subject()).isEmpty(), "nothing was delivered");
  }
}
