package nl.klantportaal.billing.adapter.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.BaseFont;

/** What the portal's PDF font cannot draw becomes one visible U+FFFD per character a reader sees; the rest is kept. */
class PrintableTest {
  private static final BaseFont REGULAR = DocumentFonts.regular();
  private static final BaseFont BOLD = DocumentFonts.bold();
  private static final String X = Printable.MISSING;

  @Test
  void whatDejaVuDrawsIsKeptAsWritten() {
    for (String text : new String[] {"Bakkerij De Korenschoof B.V.", "Müller Systemhaus GmbH, Königsallee 1", "€ 1.234,50 – 21% btw",
        "Łódź, Ørsted, Şişli, Ωμέγα, Кириллица", "€\u00a0357,45"}) {
      assertEquals(text, Printable.text(text, REGULAR));
      assertEquals(text, Printable.text(text, BOLD));
    }
  }

  @Test
  void eachCharacterTheFontLacksIsOneVisibleReplacement() {
    assertEquals("Printer " + X + X + X + " kapot", Printable.text("Printer 打印机 kapot", REGULAR));
    assertEquals("Top " + X + "!", Printable.text("Top 👍!", REGULAR));
    assertEquals("Top " + X + "!", Printable.text("Top 👍🏽!", REGULAR), "an emoji with its skin tone is one character");
    assertEquals("NL " + X + " team", Printable.text("NL 🇳🇱 team", REGULAR), "a flag is one character");
    assertEquals("dev " + X, Printable.text("dev 👩\u200D💻", REGULAR), "a joined emoji is one character");
    assertEquals(X + X + X + X + " end", Printable.text("שלום end", REGULAR));
    assertEquals(X + X + X + X + X, Printable.text("مرحبا", BOLD));
  }

  @Test
  void accentsAreComposedAndInvisibleFormatCharactersTheFontLacksAreLeftOut() {
    assertEquals("café ñ", Printable.text("cafe\u0301 n\u0303", REGULAR));
    assertEquals("I ❤ it", Printable.text("I ❤\uFE0F it", REGULAR), "the text heart, without the emoji selector DejaVu lacks");
  }

  @Test
  void lineBreaksStayTabsAreBlanksAndOtherControlsAndBrokenSurrogatesShow() {
    assertEquals("one\ntwo\nthree\nfour", Printable.text("one\r\ntwo\rthree\u2028four", REGULAR));
    assertEquals("a b", Printable.text("a\tb", REGULAR));
    assertEquals("a" + X + "b" + X + "c", Printable.text("a\u0007b\u0000c", REGULAR));
    assertEquals("lone " + X + " end", Printable.text("lone \uD83D end", REGULAR));
    assertEquals("", Printable.text("", REGULAR));
  }
}
