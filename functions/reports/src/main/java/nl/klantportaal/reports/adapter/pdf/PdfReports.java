package nl.klantportaal.reports.adapter.pdf;

import static nl.klantportaal.reports.domain.ReportTexts.text;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.billing.adapter.document.DocumentFonts;
import nl.klantportaal.billing.adapter.document.DocumentFonts.Styles;
import nl.klantportaal.billing.adapter.document.Printable;
import nl.klantportaal.billing.domain.RegistrationType;
import nl.klantportaal.billing.domain.Subscription;
import nl.klantportaal.billing.usecase.MonthReadings;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.reports.domain.Branding;
import nl.klantportaal.reports.domain.MonthlyReport;
import nl.klantportaal.reports.domain.ReportMonth;
import nl.klantportaal.reports.domain.ReportTexts;
import nl.klantportaal.reports.port.ReportRenderer;
import nl.klantportaal.sla.domain.TargetKind;
import nl.klantportaal.ticketing.domain.Priority;
import nl.klantportaal.ticketing.domain.RatingTotals;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The monthly report as an A4 PDF (OpenPDF): a cover with the provider's name and logo, the customer
 * and the month; tickets, SLA compliance, hours and subscriptions ending, each a section; the two
 * charts (tickets per week, compliance per priority) drawn as vector graphics; page numbers on every
 * page; and, when the report runs past three pages, a table of contents after the cover.
 *
 * <p>Drawn twice: the first pass learns the page count and each section's first page (from a tag on
 * its heading), the second prints them in the footer and the contents.
 */
public final class PdfReports implements ReportRenderer {
  private static final Color INK = new Color(0x1F, 0x2A, 0x37);
  private static final Color ACCENT = new Color(0x1F, 0x3A, 0x5F);
  private static final Color SECOND = new Color(0x4C, 0x9A, 0x6A);
  private static final Color LINE = new Color(0xC9, 0xCF, 0xD6);
  private static final List<String> SECTIONS = List.of("tickets", "sla", "hours", "subscriptions", "ratings");

  @Override
  public Rendered render(MonthlyReport report, Branding branding, Instant generatedAt) {
    Pass first = draw(report, branding, generatedAt, Optional.empty());
    boolean contents = first.pages() > 3;
    Layout layout = new Layout(first.pages() + (contents ? 1 : 0), contents, shifted(first.sectionPages(), contents ? 1 : 0));
    Pass second = draw(report, branding, generatedAt, Optional.of(layout));
    return new Rendered(second.pdf(), second.pages());
  }

  private static Map<String, Integer> shifted(Map<String, Integer> pages, int by) {
    Map<String, Integer> shifted = new LinkedHashMap<>();
    pages.forEach((section, page) -> shifted.put(section, page + by));
    return shifted;
  }

  /** What the second pass knows from the first. */
  private record Layout(int totalPages, boolean contents, Map<String, Integer> sectionPages) {}

  private record Pass(byte[] pdf, int pages, Map<String, Integer> sectionPages) {}

  private Pass draw(MonthlyReport report, Branding branding, Instant generatedAt, Optional<Layout> layout) {
    Language lang = report.customer().language();
    Styles fonts = Styles.in(INK);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 48, 48, 56, 56);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      Footer footer = new Footer(fonts, lang, branding.providerName(), layout.map(Layout::totalPages));
      writer.setPageEvent(footer);
      document.addTitle(text("title", lang) + " " + report.customer().name() + " " + report.month());
      document.addAuthor(branding.providerName());
      document.addCreator("Klantportaal");
      document.open();
      cover(document, report, branding, generatedAt, fonts);
      if (layout.map(Layout::contents).orElse(false)) {
        document.newPage();
        contents(document, layout.orElseThrow().sectionPages(), fonts, lang);
      }
      document.newPage();
      tickets(document, writer, report, fonts, lang);
      sla(document, writer, report, fonts, lang);
      hours(document, report.hours(), fonts, lang);
      subscriptions(document, report.subscriptionsEnding(), fonts, lang);
      ratings(document, report.ratings(), fonts, lang);
      document.close();
      return new Pass(out.toByteArray(), footer.pages, footer.sections);
    } catch (DocumentException e) {
      throw new IllegalStateException("The report of " + report.customer().id() + " " + report.month() + " could not be drawn", e);
    }
  }

  /** Page numbers (once the total is known) and each section's first page, from its heading's tag. */
  private static final class Footer extends PdfPageEventHelper {
    private final Styles fonts;
    private final Language lang;
    private final String provider;
    private final Optional<Integer> total;
    private final Map<String, Integer> sections = new LinkedHashMap<>();
    private int pages;

    Footer(Styles fonts, Language lang, String provider, Optional<Integer> total) {
      this.fonts = fonts;
      this.lang = lang;
      this.provider = provider;
      this.total = total;
    }

    @Override
    public void onGenericTag(PdfWriter writer, Document document, Rectangle rect, String tag) {
      sections.putIfAbsent(tag, writer.getPageNumber());
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      pages = writer.getPageNumber();
      PdfContentByte canvas = writer.getDirectContent();
      Font small = new Font(fonts.regular(), 8, Font.NORMAL, Color.GRAY);
      ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, Printable.phrase(provider, small), document.left(), 30, 0);
      String number = String.format(text("page", lang), pages, total.orElse(pages));
      ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, Printable.phrase(number, small), document.right(), 30, 0);
    }
  }

  private static void cover(Document document, MonthlyReport report, Branding branding, Instant generatedAt, Styles fonts)
      throws DocumentException {
    Language lang = report.customer().language();
    if (branding.logo().isPresent()) {
      try {
        Image logo = Image.getInstance(branding.logo().get());
        logo.scaleToFit(180, 90);
        document.add(logo);
      } catch (IOException e) {
        throw new UncheckedIOException("The configured logo is no PNG or JPEG image", e);
      }
    }
    document.add(paragraph(branding.providerName(), fonts.colored(16, ACCENT)));
    Paragraph title = paragraph(text("title", lang), fonts.strong(30));
    title.setSpacingBefore(180);
    document.add(title);
    document.add(spaced(paragraph(report.customer().name(), fonts.strong(18)), 18));
    document.add(paragraph(ReportTexts.monthName(report.month(), lang), fonts.text(16)));
    document.add(spaced(paragraph(text("generated", lang) + " "
        + ReportTexts.dates(lang).format(generatedAt.atZone(ReportMonth.ZONE)), fonts.text(10)), 40));
    document.add(paragraph(text("asOf", lang), fonts.text(10)));
  }

  private static void contents(Document document, Map<String, Integer> pages, Styles fonts, Language lang)
      throws DocumentException {
    document.add(paragraph(text("contents", lang), fonts.strong(20)));
    PdfPTable table = new PdfPTable(new float[] {85, 15});
    table.setWidthPercentage(100);
    table.setSpacingBefore(16);
    int n = 1;
    for (String section : SECTIONS) {
      table.addCell(plain(n++ + "  " + heading(section, lang), fonts.text(12), Element.ALIGN_LEFT));
      table.addCell(plain(String.valueOf(pages.getOrDefault(section, 0)), fonts.text(12), Element.ALIGN_RIGHT));
    }
    document.add(table);
  }

  private static String heading(String section, Language lang) {
    return switch (section) {
      case "tickets" -> text("tickets", lang);
      case "sla" -> text("sla", lang);
      case "hours" -> text("hours", lang);
      case "ratings" -> text("ratings", lang);
      default -> text("subscriptions", lang);
    };
  }

  private static void section(Document document, String section, Styles fonts, Language lang) throws DocumentException {
    Font font = fonts.colored(18, ACCENT);
    Chunk chunk = new Chunk(Printable.text(heading(section, lang), font), font);
    chunk.setGenericTag(section);
    Paragraph heading = new Paragraph(chunk);
    heading.setSpacingBefore(14);
    heading.setSpacingAfter(8);
    document.add(heading);
  }

  private static void tickets(Document document, PdfWriter writer, MonthlyReport report, Styles fonts, Language lang)
      throws DocumentException {
    section(document, "tickets", fonts, lang);
    MonthlyReport.TicketFigures figures = report.tickets();
    PdfPTable summary = table(new float[] {1, 1, 1, 1});
    for (String key : List.of("opened", "resolved", "closed", "stillOpen")) {
      summary.addCell(head(text(key, lang), fonts));
    }
    MonthlyReport.Counts total = figures.total();
    for (int value : new int[] {total.opened(), total.resolved(), total.closed(), total.stillOpen()}) {
      summary.addCell(plain(String.valueOf(value), fonts.strong(16), Element.ALIGN_CENTER));
    }
    document.add(summary);

    Map<String, MonthlyReport.Counts> byPriority = new LinkedHashMap<>();
    for (Priority p : Priority.values()) {
      byPriority.put(p.label(lang), figures.byPriority().get(p));
    }
    document.add(countsTable(text("priority", lang), byPriority, total, fonts, lang));
    document.add(countsTable(text("category", lang), figures.byCategory(), total, fonts, lang));

    document.add(subheading(text("perWeek", lang), fonts));
    document.add(weekChart(writer, figures.weeks(), fonts, lang));
  }

  private static PdfPTable countsTable(String first, Map<String, MonthlyReport.Counts> rows, MonthlyReport.Counts total, Styles fonts,
      Language lang) {
    PdfPTable table = table(new float[] {40, 15, 15, 15, 15});
    table.addCell(head(first, fonts));
    for (String key : List.of("opened", "resolved", "closed", "stillOpen")) {
      table.addCell(head(text(key, lang), fonts));
    }
    rows.forEach((label, counts) -> countsRow(table, label, counts, fonts.text(9.5f)));
    countsRow(table, text("total", lang), total, fonts.strong(9.5f));
    return table;
  }

  private static void countsRow(PdfPTable table, String label, MonthlyReport.Counts counts, Font font) {
    table.addCell(plain(label, font, Element.ALIGN_LEFT));
    for (int value : new int[] {counts.opened(), counts.resolved(), counts.closed(), counts.stillOpen()}) {
      table.addCell(plain(String.valueOf(value), font, Element.ALIGN_RIGHT));
    }
  }

  private static void sla(Document document, PdfWriter writer, MonthlyReport report, Styles fonts, Language lang)
      throws DocumentException {
    section(document, "sla", fonts, lang);
    MonthlyReport.SlaFigures sla = report.sla();
    PdfPTable table = table(new float[] {40, 30, 30});
    table.addCell(head(text("priority", lang), fonts));
    table.addCell(head(text("response", lang) + " " + text("met", lang), fonts));
    table.addCell(head(text("resolution", lang) + " " + text("met", lang), fonts));
    for (Priority p : Priority.values()) {
      complianceRow(table, p.label(lang), sla.byPriority().get(p), fonts.text(9.5f), lang);
    }
    complianceRow(table, text("total", lang), sla.total(), fonts.strong(9.5f), lang);
    document.add(table);
    document.add(subheading(text("complianceChart", lang), fonts));
    document.add(complianceChart(writer, sla, fonts, lang));

    document.add(subheading(text("breached", lang), fonts));
    if (sla.breaches().isEmpty()) {
      document.add(paragraph(text("noBreaches", lang), fonts.text(10)));
      return;
    }
    PdfPTable breaches = table(new float[] {10, 44, 14, 14, 18});
    for (String key : List.of("ticket", "subject", "priority", "target", "due")) {
      breaches.addCell(head(text(key, lang), fonts));
    }
    breaches.setHeaderRows(1);
    for (MonthlyReport.Breach b : sla.breaches()) {
      breaches.addCell(plain("#" + b.ticket(), fonts.text(9), Element.ALIGN_LEFT));
      breaches.addCell(plain(b.title(), fonts.text(9), Element.ALIGN_LEFT));
      breaches.addCell(plain(b.priority().label(lang), fonts.text(9), Element.ALIGN_LEFT));
      breaches.addCell(plain(text(b.target() == TargetKind.RESPONSE ? "response" : "resolution", lang), fonts.text(9),
          Element.ALIGN_LEFT));
      breaches.addCell(plain(ReportTexts.moments(lang).format(b.dueAt().atZone(ReportMonth.ZONE)), fonts.text(9), Element.ALIGN_LEFT));
    }
    document.add(breaches);
  }

  private static void complianceRow(PdfPTable table, String label, MonthlyReport.Compliance c, Font font, Language lang) {
    table.addCell(plain(label, font, Element.ALIGN_LEFT));
    table.addCell(plain(percent(c.responsePercent(), c.responseMet(), c.responseTotal(), lang), font, Element.ALIGN_RIGHT));
    table.addCell(plain(percent(c.resolutionPercent(), c.resolutionMet(), c.resolutionTotal(), lang), font, Element.ALIGN_RIGHT));
  }

  /** {@code 83,3 % (5/6)} (the language's decimal sign); a dash when nothing was decided. */
  static String percent(Optional<BigDecimal> percent, int met, int total, Language lang) {
    return percent.map(p -> ReportTexts.decimal(p, lang) + " % (" + met + "/" + total + ")").orElse("–");
  }

  private static void hours(Document document, MonthReadings.Hours hours, Styles fonts, Language lang) throws DocumentException {
    section(document, "hours", fonts, lang);
    PdfPTable used = table(new float[] {70, 30});
    used.addCell(head(text("type", lang), fonts));
    used.addCell(head(text("used", lang), fonts));
    int sum = 0;
    for (RegistrationType type : RegistrationType.values()) {
      int minutes = hours.minutesByType().getOrDefault(type, 0);
      sum += minutes;
      used.addCell(plain(type.label().in(lang), fonts.text(9.5f), Element.ALIGN_LEFT));
      used.addCell(plain(ReportTexts.hours(minutes), fonts.text(9.5f), Element.ALIGN_RIGHT));
    }
    used.addCell(plain(text("total", lang), fonts.strong(9.5f), Element.ALIGN_LEFT));
    used.addCell(plain(ReportTexts.hours(sum), fonts.strong(9.5f), Element.ALIGN_RIGHT));
    document.add(used);
    document.add(paragraph(text("overflow", lang) + ": " + ReportTexts.hours(hours.overflowMinutes()), fonts.text(9.5f)));

    document.add(subheading(text("bundles", lang), fonts));
    if (hours.bundles().isEmpty()) {
      document.add(paragraph(text("noBundles", lang), fonts.text(10)));
    } else {
      PdfPTable bundles = table(new float[] {38, 14, 14, 14, 20});
      for (String key : List.of("period", "size", "used", "remaining", "status")) {
        bundles.addCell(head(text(key, lang), fonts));
      }
      DateTimeFormatter dates = ReportTexts.dates(lang);
      for (MonthReadings.BundleAtEnd b : hours.bundles()) {
        bundles.addCell(plain(dates.format(b.validFrom()) + " – " + dates.format(b.validUntil()), fonts.text(9), Element.ALIGN_LEFT));
        bundles.addCell(plain(ReportTexts.hours(b.capacityMinutes()), fonts.text(9), Element.ALIGN_RIGHT));
        bundles.addCell(plain(ReportTexts.hours(b.usedMinutes()), fonts.text(9), Element.ALIGN_RIGHT));
        bundles.addCell(plain(ReportTexts.hours(b.remainingMinutes()), fonts.text(9), Element.ALIGN_RIGHT));
        bundles.addCell(plain(b.status().label().in(lang), fonts.text(9), Element.ALIGN_LEFT));
      }
      document.add(bundles);
    }
    document.add(subheading(text("forecast", lang), fonts));
    var forecast = hours.forecast();
    String perWeek = forecast.minutesPerWeek()
        .map(m -> ReportTexts.hours(m.setScale(0, java.math.RoundingMode.HALF_UP).intValueExact())).orElse("");
    String runsOut = forecast.runsOutOn().map(ReportTexts.dates(lang)::format).orElse("");
    document.add(paragraph(String.format(text(forecast.kind().name(), lang), perWeek, runsOut), fonts.text(10)));
  }

  private static void subscriptions(Document document, List<Subscription> ending, Styles fonts, Language lang)
      throws DocumentException {
    section(document, "subscriptions", fonts, lang);
    if (ending.isEmpty()) {
      document.add(paragraph(text("noSubscriptions", lang), fonts.text(10)));
      return;
    }
    PdfPTable table = table(new float[] {40, 12, 26, 22});
    for (String key : List.of("service", "quantity", "endDate", "autoRenew")) {
      table.addCell(head(text(key, lang), fonts));
    }
    for (Subscription s : ending) {
      table.addCell(plain(s.service(), fonts.text(9.5f), Element.ALIGN_LEFT));
      table.addCell(plain(String.valueOf(s.quantity()), fonts.text(9.5f), Element.ALIGN_RIGHT));
      table.addCell(plain(ReportTexts.dates(lang).format(s.endDate()), fonts.text(9.5f), Element.ALIGN_LEFT));
      table.addCell(plain(text(s.autoRenew() ? "yes" : "no", lang), fonts.text(9.5f), Element.ALIGN_LEFT));
    }
    document.add(table);
  }

  /** The month's ratings: how many, the average, and each score's count and share. */
  private static void ratings(Document document, RatingTotals ratings, Styles fonts, Language lang) throws DocumentException {
    section(document, "ratings", fonts, lang);
    if (ratings.count() == 0) {
      document.add(paragraph(text("noRatings", lang), fonts.text(10)));
      return;
    }
    String average = ReportTexts.decimal(ratings.average().orElseThrow(), lang);
    document.add(spaced(paragraph(ratings.count() == 1 ? String.format(text("ratingOne", lang), average)
        : String.format(text("ratingAverage", lang), average, ratings.count()), fonts.text(11)), 8));
    PdfPTable table = table(new float[] {50, 20, 30});
    for (String key : List.of("score", "count", "share")) {
      table.addCell(head(text(key, lang), fonts));
    }
    for (int score = 5; score >= 1; score--) {
      int count = ratings.perScore().get(score - 1);
      table.addCell(plain(score + " - " + text("score" + score, lang), fonts.text(9.5f), Element.ALIGN_LEFT));
      table.addCell(plain(String.valueOf(count), fonts.text(9.5f), Element.ALIGN_RIGHT));
      table.addCell(plain(ReportTexts.decimal(java.math.BigDecimal.valueOf(count * 100L)
          .divide(java.math.BigDecimal.valueOf(ratings.count()), 1, java.math.RoundingMode.HALF_UP), lang) + " %",
          fonts.text(9.5f), Element.ALIGN_RIGHT));
    }
    document.add(table);
  }

  /** Opened and resolved tickets per ISO week, as grouped bars with a value on each. */
  private static Image weekChart(PdfWriter writer, List<MonthlyReport.Week> weeks, Styles fonts, Language lang)
      throws DocumentException {
    float width = 499;
    float height = 170;
    PdfTemplate chart = writer.getDirectContent().createTemplate(width, height);
    float left = 30;
    float bottom = 34;
    float plotHeight = height - bottom - 16;
    int max = Math.max(1, weeks.stream().mapToInt(w -> Math.max(w.opened(), w.resolved())).max().orElse(1));
    axis(chart, left, bottom, width, plotHeight);
    float slot = (width - left - 10) / Math.max(1, weeks.size());
    float bar = Math.min(28, slot / 3);
    for (int i = 0; i < weeks.size(); i++) {
      MonthlyReport.Week week = weeks.get(i);
      float x = left + i * slot + (slot - 2 * bar - 4) / 2;
      bar(chart, x, bottom, bar, plotHeight * week.opened() / max, ACCENT, week.opened(), fonts);
      bar(chart, x + bar + 4, bottom, bar, plotHeight * week.resolved() / max, SECOND, week.resolved(), fonts);
      label(chart, fonts.regular(), 8, text("week", lang) + " " + week.isoWeek(), left + i * slot + slot / 2, bottom - 12,
          Element.ALIGN_CENTER);
    }
    legend(chart, fonts, List.of(text("opened", lang), text("resolved", lang)), List.of(ACCENT, SECOND), left, 4);
    return Image.getInstance(chart);
  }

  /** Response and resolution compliance per priority, as horizontal bars from 0 to 100 %. */
  private static Image complianceChart(PdfWriter writer, MonthlyReport.SlaFigures sla, Styles fonts, Language lang)
      throws DocumentException {
    float width = 499;
    float height = 150;
    PdfTemplate chart = writer.getDirectContent().createTemplate(width, height);
    float left = 90;
    float top = height - 8;
    float span = width - left - 60;
    float row = (height - 36) / Priority.values().length;
    chart.setColorStroke(LINE);
    chart.setLineWidth(0.5f);
    for (int pct = 0; pct <= 100; pct += 25) {
      float x = left + span * pct / 100;
      chart.moveTo(x, 26);
      chart.lineTo(x, top);
      label(chart, fonts.regular(), 7, pct + " %", x, 17, Element.ALIGN_CENTER);
    }
    chart.stroke();
    for (int i = 0; i < Priority.values().length; i++) {
      Priority p = Priority.values()[i];
      MonthlyReport.Compliance c = sla.byPriority().get(p);
      float y = top - (i + 1) * row + 4;
      label(chart, fonts.regular(), 8.5f, p.label(lang), left - 6, y + row / 2 - 6, Element.ALIGN_RIGHT);
      hbar(chart, left, y + row / 2, span, c.responsePercent(), ACCENT, fonts, lang);
      hbar(chart, left, y + row / 2 - 10, span, c.resolutionPercent(), SECOND, fonts, lang);
    }
    legend(chart, fonts, List.of(text("response", lang), text("resolution", lang)), List.of(ACCENT, SECOND), left, 2);
    return Image.getInstance(chart);
  }

  private static void hbar(PdfTemplate chart, float left, float y, float span, Optional<BigDecimal> percent, Color color, Styles fonts,
      Language lang) {
    if (percent.isEmpty()) {
      label(chart, fonts.regular(), 7, "–", left + 4, y, Element.ALIGN_LEFT);
      return;
    }
    float length = span * percent.get().floatValue() / 100;
    chart.setColorFill(color);
    chart.rectangle(left, y, Math.max(length, 0.5f), 8);
    chart.fill();
    label(chart, fonts.regular(), 7, ReportTexts.decimal(percent.get(), lang) + " %", left + length + 4, y + 1, Element.ALIGN_LEFT);
  }

  private static void axis(PdfTemplate chart, float left, float bottom, float width, float plotHeight) {
    chart.setColorStroke(LINE);
    chart.setLineWidth(0.5f);
    chart.moveTo(left, bottom);
    chart.lineTo(width - 4, bottom);
    chart.moveTo(left, bottom);
    chart.lineTo(left, bottom + plotHeight);
    chart.stroke();
  }

  private static void bar(PdfTemplate chart, float x, float bottom, float width, float height, Color color, int value, Styles fonts) {
    chart.setColorFill(color);
    chart.rectangle(x, bottom, width, Math.max(height, 0.5f));
    chart.fill();
    label(chart, fonts.regular(), 7, String.valueOf(value), x + width / 2, bottom + height + 2, Element.ALIGN_CENTER);
  }

  private static void legend(PdfTemplate chart, Styles fonts, List<String> names, List<Color> colors, float x, float y) {
    float at = x;
    for (int i = 0; i < names.size(); i++) {
      chart.setColorFill(colors.get(i));
      chart.rectangle(at, y, 8, 8);
      chart.fill();
      label(chart, fonts.regular(), 8, names.get(i), at + 11, y + 1, Element.ALIGN_LEFT);
      at += 16 + fonts.regular().getWidthPoint(Printable.text(names.get(i), fonts.regular()), 8) + 12;
    }
  }

  private static void label(PdfTemplate chart, BaseFont font, float size, String text, float x, float y, int align) {
    chart.beginText();
    chart.setColorFill(INK);
    chart.setFontAndSize(font, size);
    chart.showTextAligned(align, Printable.text(text, font), x, y, 0);
    chart.endText();
  }

  private static Paragraph subheading(String text, Styles fonts) {
    Paragraph p = paragraph(text, fonts.strong(12));
    p.setSpacingBefore(12);
    p.setSpacingAfter(6);
    return p;
  }

  /** Every paragraph's text is set through {@link Printable}: what the font cannot draw shows as {@link Printable#MISSING}. */
  private static Paragraph paragraph(String text, Font font) {
    return new Paragraph(Printable.phrase(text, font));
  }

  private static Paragraph spaced(Paragraph p, float before) {
    p.setSpacingBefore(before);
    return p;
  }

  private static PdfPTable table(float[] widths) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setSpacingBefore(6);
    table.setSpacingAfter(6);
    return table;
  }

  private static PdfPCell head(String text, Styles fonts) {
    PdfPCell cell = new PdfPCell(Printable.phrase(text, fonts.colored(9, Color.WHITE)));
    cell.setBackgroundColor(ACCENT);
    cell.setBorderColor(ACCENT);
    cell.setPadding(4);
    return cell;
  }

  private static PdfPCell plain(String text, Font font, int align) {
    PdfPCell cell = new PdfPCell(Printable.phrase(text, font));
    cell.setHorizontalAlignment(align);
    cell.setBorderColor(LINE);
    cell.setPadding(4);
    return cell;
  }
}
