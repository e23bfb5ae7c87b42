package nl.klantportaal.reports.adapter.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.reports.domain.Branding;
import nl.klantportaal.reports.domain.MonthlyReport;
import nl.klantportaal.reports.domain.ReportData;
import nl.klantportaal.reports.domain.ReportSeed;
import nl.klantportaal.reports.port.ReportRenderer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/**
 * The report of {@link ReportSeed}'s November drawn and read back by two independent readers (PDFBox,
 * and poppler's pdftotext/pdfinfo): the figures worked out by hand are the ones printed.
 */
class PdfReportsTest {
  private static final Instant GENERATED = Instant.parse("2026-12-01T05:00:00Z");
  private final PdfReports pdf = new PdfReports();

  private ReportRenderer.Rendered render(ReportData data, Optional<byte[]> logo) {
    return pdf.render(MonthlyReport.of(ReportSeed.NOVEMBER, data), new Branding("Voorbeeld IT", logo), GENERATED);
  }

  /** The page's lines, with the spaces PDFBox reads into large bold headings taken out of comparisons. */
  private static List<String> lines(String page) {
    return page.lines().map(String::strip).toList();
  }

  @Test
  void theDutchReportPrintsTheHandWorkedFiguresOfTheSeed() throws Exception {
    var rendered = render(ReportSeed.data(Language.NL), Optional.empty());
    List<String> pages = PdfText.pages(rendered.pdf());
    // Four pages of sections (satisfaction starts the fourth), so the report has contents: five pages.
    assertEquals(5, rendered.pages());
    assertEquals(5, pages.size());

    List<String> cover = lines(pages.get(0));
    assertTrue(cover.containsAll(List.of("Voorbeeld IT", "Maandrapportage", "Acme B.V.", "november 2026",
        "Gemaakt op 1 december 2026", "Voorbeeld IT Pagina 1 van 5")), cover.toString());

    List<String> all = pages.stream().flatMap(p -> lines(p).stream()).toList();
    // Tickets: opened, resolved, closed, still open; per priority and per category (MonthlyReportTest works them out).
    assertTrue(all.containsAll(List.of(
        "Geopend Opgelost Gesloten Nog open", "5 3 1 3",
        "Kritiek 0 1 1 0", "Hoog 2 1 0 1", "Normaal 2 1 0 1", "Laag 1 0 0 1", "Totaal 5 3 1 3",
        "E-mail 2 1 0 1", "Netwerk 1 2 1 0", "Werkplek 2 0 0 2",
        "week 44 week 45 week 46 week 47 week 48 week 49")), all.toString());
    // SLA compliance per priority, Dutch decimal comma, and the breached targets on the Amsterdam clock (UTC+1).
    assertTrue(all.containsAll(List.of(
        "Kritiek 0,0 % (0/1) 0,0 % (0/1)", "Hoog 100,0 % (2/2) 100,0 % (1/1)", "Normaal 100,0 % (1/1) 100,0 % (1/1)",
        "Laag 0,0 % (0/1) –", "Totaal 60,0 % (3/5) 66,7 % (2/3)",
        "#1 VPN valt weg Kritiek Reactie 1-11-2026 11:00", "#1 VPN valt weg Kritiek Oplossing 2-11-2026 13:00",
        "#7 Muis hapert Laag Reactie 3-11-2026 09:00")), all.toString());
    // Hours by type, the bundle at the month's end, the forecast, the subscription ending within 60 days.
    assertTrue(all.containsAll(List.of(
        "Urenbundel 9:30", "Ad-Hoc Facturabel 1:30", "Ad-Hoc Service 0:45", "Totaal 11:45",
        "Waarvan buiten de bundels (Ad-Hoc Facturabel): 0:30",
        "1 januari 2026 – 31 december 2026 40:00 30:30 9:30 Actief",
        "Te weinig gebruik voor een prognose.",
        "Microsoft 365 Business Premium 12 20 december 2026 nee")), all.toString());
    // Satisfaction: 12 ratings given in the month (1, 0, 1, 3 and 7 of the scores 1 to 5), their average 51 / 12.
    assertTrue(all.containsAll(List.of(
        "Gemiddeld 4,25 uit 5, over 12 beoordelingen van gesloten tickets.",
        "5 - zeer tevreden 7 58,3 %", "4 - tevreden 3 25,0 %", "3 - neutraal 1 8,3 %", "2 - ontevreden 0 0,0 %",
        "1 - zeer ontevreden 1 8,3 %")), all.toString());
    for (int page = 1; page <= 5; page++) {
      assertTrue(lines(pages.get(page - 1)).contains("Voorbeeld IT Pagina " + page + " van 5"), "page number on page " + page);
    }
    assertTrue(lines(pages.get(1)).contains("Inhoud"), "more than three pages get contents");

    // The second reader sees the same figures.
    String poppler = PdfText.poppler(rendered.pdf(), 5);
    for (String expected : List.of("Maandrapportage", "Totaal", "60,0 % (3/5)", "66,7 % (2/3)", "VPN valt weg", "11:45",
        "Microsoft 365 Business Premium", "4,25 uit 5", "Pagina 5 van 5")) {
      assertTrue(poppler.contains(expected), expected + " in\n" + poppler);
    }
  }

  @Test
  void everyPageIsA4AndTheChartsAreVectorsNotImages() throws Exception {
    var rendered = render(ReportSeed.data(Language.NL), Optional.empty());
    try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
      for (PDPage page : document.getPages()) {
        assertEquals(PDRectangle.A4.getWidth(), page.getMediaBox().getWidth(), 0.5);
        assertEquals(PDRectangle.A4.getHeight(), page.getMediaBox().getHeight(), 0.5);
        for (var name : page.getResources().getXObjectNames()) {
          assertFalse(page.getResources().getXObject(name) instanceof PDImageXObject, "no raster image without a logo");
        }
      }
    }
  }

  @Test
  void theEnglishAndGermanReportsSpeakTheirLanguage() throws Exception {
    String english = String.join("\n", PdfText.pages(render(ReportSeed.data(Language.EN), Optional.empty()).pdf()));
    for (String expected : List.of("Monthly report", "November 2026", "Opened Resolved Closed Still open",
        "Total 60.0 % (3/5) 66.7 % (2/3)", "Critical 0.0 % (0/1) 0.0 % (0/1)", "Page 2 of 5", "Too little use for a forecast.",
        "An average of 4.25 out of 5, over 12 ratings of closed tickets.", "5 - very satisfied 7 58.3 %",
        "#1 VPN valt weg Critical Response 1 Nov 2026 11:00")) {
      assertTrue(english.contains(expected), expected + " in\n" + english);
    }
    String german = String.join("\n", PdfText.pages(render(ReportSeed.data(Language.DE), Optional.empty()).pdf()));
    for (String expected : List.of("Monatsbericht", "November 2026", "Eröffnet Gelöst Geschlossen Noch offen",
        "Gesamt 60,0 % (3/5) 66,7 % (2/3)", "Kritisch 0,0 % (0/1) 0,0 % (0/1)", "Seite 2 von 5", "20. Dezember 2026",
        "Durchschnittlich 4,25 von 5, aus 12 Bewertungen geschlossener Tickets.", "5 - sehr zufrieden 7 58,3 %",
        "#1 VPN valt weg Kritisch Reaktion 1.11.2026 11:00")) {
      assertTrue(german.contains(expected), expected + " in\n" + german);
    }
  }

  @Test
  void oneRatingIsOneRatingInEveryLanguage() throws Exception {
    for (var expected : java.util.Map.of(Language.NL, "Gemiddeld 4,00 uit 5, over 1 beoordeling van een gesloten ticket.",
        Language.EN, "An average of 4.00 out of 5, over 1 rating of a closed ticket.",
        Language.DE, "Durchschnittlich 4,00 von 5, aus 1 Bewertung eines geschlossenen Tickets.").entrySet()) {
      ReportData seed = ReportSeed.data(expected.getKey());
      ReportData one = new ReportData(seed.customer(), seed.tickets(), seed.sla(), seed.hours(), seed.subscriptionsEnding(),
          new nl.klantportaal.ticketing.domain.RatingTotals(seed.ratings().month(), List.of(0, 0, 0, 1, 0)));
      String text = String.join("\n", PdfText.pages(render(one, Optional.empty()).pdf()));
      assertTrue(text.contains(expected.getValue()), expected.getValue() + " in\n" + text);
    }
  }

  @Test
  void aLongReportGetsContentsWhosePageNumbersAreTheSectionsPages() throws Exception {
    var rendered = render(ReportSeed.withBreaches(Language.NL, 120), Optional.empty());
    List<String> pages = PdfText.pages(rendered.pdf());
    assertTrue(rendered.pages() > 4, "120 breaches run over several pages: " + rendered.pages());
    assertEquals(rendered.pages(), pages.size());
    String contents = pages.get(1);
    assertTrue(contents.contains("Inhoud"), contents);
    Matcher entry = Pattern.compile("(\\d)\\s+(Tickets|SLA-naleving|Uren|Abonnementen die binnen 60 dagen aflopen|Tevredenheid)\\s+(\\d+)")
        .matcher(contents);
    int found = 0;
    while (entry.find()) {
      found++;
      String heading = entry.group(2);
      int page = Integer.parseInt(entry.group(3));
      String text = pages.get(page - 1).replace("T ickets", "Tickets").replace("S LA", "SLA").replace("U ren", "Uren")
          .replace("A bonnementen", "Abonnementen").replace("T evredenheid", "Tevredenheid");
      assertTrue(text.lines().anyMatch(l -> l.strip().equals(heading)), heading + " on page " + page + ":\n" + text);
    }
    assertEquals(5, found, contents);
    String last = pages.getLast();
    assertTrue(last.contains("Pagina " + rendered.pages() + " van " + rendered.pages()), last);
    PdfText.poppler(rendered.pdf(), rendered.pages());
  }

  @Test
  void theConfiguredLogoIsOnTheCover() throws Exception {
    BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    var rendered = render(ReportSeed.data(Language.NL), Optional.of(png.toByteArray()));
    try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
      PDPage cover = document.getPage(0);
      long images = 0;
      for (var name : cover.getResources().getXObjectNames()) {
        if (cover.getResources().getXObject(name) instanceof PDImageXObject) {
          images++;
        }
      }
      assertEquals(1, images);
    }
  }

  @Test
  void whatTheFontCannotDrawShowsAsAReplacementAndLongWordsStayOnThePage() throws Exception {
    String x = nl.klantportaal.billing.adapter.document.Printable.MISSING;
    String word = "Netwerkbeheerondersteuningsovereenkomstverlengingsaanvraag12";
    ReportData seed = ReportSeed.data(Language.EN);
    List<ReportData.TicketLine> tickets = seed.tickets().stream().map(t -> t.number() == 1
        ? new ReportData.TicketLine(1, "Printer 打印机 kapot 🔥 " + word, t.createdAt(), t.steps()) : t).toList();
    var service = seed.subscriptionsEnding().getFirst();
    var renamed = new nl.klantportaal.billing.domain.Subscription(service.id(), service.tenant(), "Backup 👍 " + word, service.quantity(),
        service.unitPrice(), service.period(), service.startDate(), service.endDate(), service.autoRenew(), service.cancelled(),
        service.createdAt(), service.version());
    ReportData data = new ReportData(new ReportData.Customer(seed.customer().id(), "Bakkerij 🥐 De Korenschoof", Language.EN), tickets,
        seed.sla(), seed.hours(), List.of(renamed), seed.ratings());
    byte[] bytes = pdf.render(MonthlyReport.of(ReportSeed.NOVEMBER, data), new Branding("Voorbeeld IT 🛠", Optional.empty()),
        GENERATED).pdf();
    String text = String.join("\n", PdfText.pages(bytes));
    String flat = text.replaceAll("\\s+", "");
    assertTrue(text.contains("Bakkerij " + x + " De Korenschoof"), text);
    assertTrue(text.contains("Voorbeeld IT " + x), "the provider's name in the footer and on the cover: " + text);
    // A cell's long word wraps in its cell (the row's other cells are read between its lines).
    assertTrue(text.contains("#1 Printer " + x + x + x + " kapot " + x + " Critical Response"), text);
    assertTrue(text.contains("Backup " + x + " 12 20 December 2026 no"), text);
    assertTrue(flat.contains(word), text);
    try (PDDocument document = Loader.loadPDF(bytes)) {
      List<String> outside = new java.util.ArrayList<>();
      new org.apache.pdfbox.text.PDFTextStripper() {
        @Override
        protected void writeString(String line, List<org.apache.pdfbox.text.TextPosition> positions) {
          for (var p : positions) {
            if (p.getXDirAdj() < 47 || p.getXDirAdj() + p.getWidthDirAdj() > getCurrentPage().getMediaBox().getWidth() - 47) {
              outside.add("'" + p.getUnicode() + "' at x " + p.getXDirAdj() + " in \"" + line + "\"");
            }
          }
        }
      }.getText(document);
      assertTrue(outside.isEmpty(), () -> outside.size() + " characters outside the margins: " + outside.subList(0, Math.min(10,
          outside.size())));
    }
  }
}
