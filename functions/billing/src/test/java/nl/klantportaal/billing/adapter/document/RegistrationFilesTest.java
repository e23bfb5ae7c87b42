package nl.klantportaal.billing.adapter.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.billing.domain.RegistrationSheet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** The export files with what users write that the font cannot draw, long words and many lines, read back by PDFBox and fastexcel. */
class RegistrationFilesTest {
  private static final String X = Printable.MISSING;
  private static final String WORD = "Netwerkbeheerondersteuningsovereenkomstverlengingsaanvraag12";
  private static final String URL = "https://portal.example.com/tickets/12345/attachments/" + "b".repeat(70) + "?download=true";
  private final RegistrationFiles files = new RegistrationFiles();

  private static RegistrationSheet sheet(int extraRows) {
    List<RegistrationSheet.Row> rows = new ArrayList<>();
    rows.add(row("Printer 打印机 vervangen 🔥 — שלום", "Eva 👍 de Vries"));
    rows.add(row(WORD + " " + URL, "Jan"));
    rows.add(row("Regel een\r\nregel twee\tmet tab", "Jan"));
    rows.add(row("Geplakt: bel\u0007 half \uD83D eind", "Jan"));
    for (int i = 1; i <= extraRows; i++) {
      rows.add(row(String.format("Registratie %03d: werkplek bijgewerkt en gecontroleerd", i), "Jan"));
    }
    return new RegistrationSheet("Urenregistraties", "Bakkerij 🥐 De Korenschoof · 1-11-2026 t/m 30-11-2026",
        List.of("Datum", "Uren", "Type registratie", "Factuurstatus", "Medewerker", "Omschrijving", "Ticket"), rows,
        List.of(new RegistrationSheet.Total("Totaal", "1:30", Optional.of(90))), "Gemaakt op 1-12-2026 06:00 CET");
  }

  private static RegistrationSheet.Row row(String description, String agent) {
    return new RegistrationSheet.Row(LocalDate.of(2026, 11, 3), "3-11-2026", 30, "0:30", "Urenbundel", "Niet gefactureerd", agent,
        description, "#12");
  }

  @Test
  void whatTheFontCannotDrawShowsAsAReplacementAndLinesBreakAsWritten() throws IOException {
    String text = pages(files.pdf(sheet(0))).getFirst();
    assertTrue(text.contains("Bakkerij " + X + " De Korenschoof"), text);
    assertTrue(text.contains("Eva " + X + " de Vries"), text);
    assertTrue(text.replaceAll("\\s+", " ").contains("Printer " + X + X + X + " vervangen " + X + " — " + X + X + X + X), text);
    assertTrue(text.contains("Regel een\nregel twee met tab"), text);
    assertTrue(text.contains("Geplakt: bel" + X + " half " + X + " eind"), text);
  }

  @Test
  void longWordsWrapInsideThePageAndManyLinesRepeatTheHeader() throws IOException {
    byte[] pdf = files.pdf(sheet(150));
    List<String> pages = pages(pdf);
    assertTrue(pages.size() >= 3, "153 lines take several pages: " + pages.size());
    for (String page : pages) {
      assertTrue(page.contains("Datum Uren Type registratie Factuurstatus Medewerker Omschrijving Ticket"), page);
    }
    String all = String.join("\n", pages);
    assertTrue(all.replaceAll("\\s+", "").contains(WORD + URL), all);
    for (int i = 1; i <= 150; i++) {
      assertTrue(all.contains(String.format("Registratie %03d: werkplek bijgewerkt en gecontroleerd", i)), "line " + i);
    }
    PdfLayout.assertInsideMargins(pdf, 28);
  }

  @Test
  void theSpreadsheetKeepsEveryCharacterAsWritten() throws Exception {
    List<String> cells = new ArrayList<>();
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(files.xlsx(sheet(0))))) {
      workbook.getFirstSheet().openStream().forEach((Row row) -> row.forEach(cell -> {
        if (cell != null) {
          cells.add(cell.getText());
        }
      }));
    }
    assertTrue(cells.contains("Printer 打印机 vervangen 🔥 — שלום"), cells.toString());
    assertTrue(cells.contains("Eva 👍 de Vries"), cells.toString());
    assertTrue(cells.contains("Bakkerij 🥐 De Korenschoof · 1-11-2026 t/m 30-11-2026"), cells.toString());
    assertEquals(1, cells.stream().filter(c -> c.equals(WORD + " " + URL)).count(), cells.toString());
    assertTrue(cells.contains("Regel een\r\nregel twee\tmet tab"), cells.toString());
    assertTrue(cells.contains("Geplakt: bel" + X + " half " + X + " eind"), "what XML cannot hold shows, not vanishes: " + cells);
  }

  private static List<String> pages(byte[] pdf) throws IOException {
    List<String> pages = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        pages.add(stripper.getText(document).replace('\u00a0', ' '));
      }
    }
    return pages;
  }

}
