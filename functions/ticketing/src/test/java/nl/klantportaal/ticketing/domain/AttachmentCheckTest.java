package nl.klantportaal.ticketing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import nl.klantportaal.ticketing.domain.AttachmentCheck.Refusal;
import nl.klantportaal.ticketing.domain.AttachmentCheck.Result;
import org.junit.jupiter.api.Test;

/** A file that arrives whole is held to the portal's announcement and confirm rules, with the reason it is refused. */
class AttachmentCheckTest {
  private static final byte[] PDF = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};

  @Test
  void aFileWhoseTypeNameAndBytesAgreeIsAcceptedUnderItsSanitisedName() {
    assertEquals(new Result.Accepted("rapport februari.pdf", AttachmentKind.PDF),
        AttachmentCheck.check("C:\\scans\\rapport  februari.pdf", "application/pdf; name=x.pdf", PDF.length, PDF));
    assertEquals(new Result.Accepted("SCAN.PDF", AttachmentKind.PDF), AttachmentCheck.check("SCAN.PDF", "Application/PDF", PDF.length, PDF));
  }

  @Test
  void eachRuleRefusesWithItsOwnReason() {
    assertEquals(new Result.Refused("setup.exe", Refusal.TYPE_NOT_ALLOWED),
        AttachmentCheck.check("setup.exe", "application/x-msdownload", EXE.length, EXE));
    assertEquals(Refusal.TYPE_NOT_ALLOWED, reason("scan.pdf", "application/octet-stream", PDF.length, PDF));
    assertEquals(Refusal.EXTENSION_MISMATCH, reason("scan.exe", "application/pdf", PDF.length, PDF));
    assertEquals(Refusal.EXTENSION_MISMATCH, reason("scan", "application/pdf", PDF.length, PDF));
    assertEquals(Refusal.EMPTY, reason("leeg.txt", "text/plain", 0, new byte[0]));
    assertEquals(Refusal.TOO_LARGE, reason("groot.pdf", "application/pdf", PendingUpload.MAX_SIZE + 1, PDF));
    assertEquals(Refusal.CONTENT_MISMATCH, reason("scan.pdf", "application/pdf", EXE.length, EXE));
    // The right-to-left override that shows "fdp.exe" as "exe.pdf" is dropped before the extension is read.
    assertEquals(new Result.Refused("fdp.exe", Refusal.EXTENSION_MISMATCH),
        AttachmentCheck.check("\u202Efdp.exe", "application/pdf", PDF.length, PDF));
  }

  @Test
  void theLargestAllowedSizeIsAcceptedWithOnlyItsHeadInspected() {
    assertEquals(new Result.Accepted("groot.pdf", AttachmentKind.PDF),
        AttachmentCheck.check("groot.pdf", "application/pdf", PendingUpload.MAX_SIZE, PDF));
  }

  private static Refusal reason(String name, String type, long size, byte[] head) {
    return ((Result.Refused) AttachmentCheck.check(name, type, size, head)).reason();
  }
}
