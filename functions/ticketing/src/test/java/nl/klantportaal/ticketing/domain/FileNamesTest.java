package nl.klantportaal.ticketing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The file-name sanitiser: what a browser sends becomes a name that is safe to store, show and save. */
class FileNamesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiterString = " -> ", value = {
      "factuur november.pdf -> factuur november.pdf",
      "C:\\Users\\jan\\Desktop\\scan.PDF -> scan.PDF",
      "../../etc/passwd.txt -> passwd.txt",
      "/var/tmp/ -> attachment",
      "rapport<1>:\"v2\"|?*.docx -> rapport_1___v2____.docx",
      "  ..verborgen.txt.. -> verborgen.txt",
      "CON.txt -> _CON.txt",
      "lpt1 -> _lpt1",
      "a   lot    of   spaces.csv -> a lot of spaces.csv",
      "Überstunden März.xlsx -> Überstunden März.xlsx",
      ".pdf -> attachment.pdf",
  })
  void sanitises(String raw, String expected) {
    assertEquals(expected, FileNames.sanitise(raw));
  }

  @Test
  void dropsControlAndInvisibleFormattingCharacters() {
    assertEquals("invoice.pdf", FileNames.sanitise("in\u0000vo\u0007ice\r\n.pdf"));
    // U+202E RIGHT-TO-LEFT OVERRIDE would show "invoice‮fdp.exe" as "invoiceexe.pdf"
    assertEquals("invoicefdp.exe", FileNames.sanitise("invoice\u202Efdp.exe"));
    assertEquals("zero width.txt", FileNames.sanitise("zero\u200B width.txt"));
  }

  @Test
  void combiningFormsAreNormalisedToOneCharacter() {
    assertEquals("café.txt", FileNames.sanitise("cafe\u0301.txt"));
  }

  @Test
  void aLongNameIsCutButKeepsItsExtension() {
    String name = FileNames.sanitise("x".repeat(300) + ".pdf");
    assertEquals(FileNames.MAX_LENGTH, name.length());
    assertTrue(name.endsWith("x.pdf"), name);
  }

  @Test
  void cuttingNeverSplitsASurrogatePair() {
    String name = FileNames.sanitise("😀".repeat(200) + ".png");
    assertEquals(FileNames.MAX_LENGTH, name.codePointCount(0, name.length()));
    assertTrue(name.endsWith("😀.png"), name);
  }

  @Test
  void aVeryLongExtensionIsPartOfTheName() {
    String name = FileNames.sanitise("report.thisisnotanextension");
    assertEquals("report.thisisnotanextension", name);
    assertEquals(Optional.of("thisisnotanextension"), FileNames.extension(name));
  }

  @Test
  void nothingUsableLeftBecomesAttachment() {
    assertEquals("attachment", FileNames.sanitise(""));
    assertEquals("attachment", FileNames.sanitise(null));
    assertEquals("attachment", FileNames.sanitise("\u0000\u0001"));
    assertEquals("attachment.pdf", FileNames.sanitise("....pdf"));
  }

  @Test
  void extensionIsTheLastDottedPart() {
    assertEquals(Optional.of("gz"), FileNames.extension("logs.tar.gz"));
    assertEquals(Optional.empty(), FileNames.extension("README"));
  }
}
