package nl.klantportaal.billing.adapter.document;

import nl.klantportaal.billing.adapter.document.DocumentFonts.Styles;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.GregorianCalendar;
import java.util.Optional;
import nl.klantportaal.billing.domain.invoice.Amount;
import nl.klantportaal.billing.domain.invoice.BillTo;
import nl.klantportaal.billing.domain.invoice.Invoice;
import nl.klantportaal.billing.domain.invoice.InvoiceLine;
import nl.klantportaal.billing.domain.invoice.InvoiceState;
import nl.klantportaal.billing.domain.invoice.InvoiceTexts;
import nl.klantportaal.billing.domain.invoice.InvoiceTotals;
import nl.klantportaal.billing.domain.invoice.ProviderDetails;
import nl.klantportaal.billing.domain.invoice.VatRate;
import nl.klantportaal.billing.port.InvoiceRenderer;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.LocalizedText;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.SplitCharacter;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.DefaultSplitCharacter;
import org.openpdf.text.pdf.PdfChunk;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A final invoice (or credit invoice) as an A4 PDF in its language, with what Dutch law wants on it
 * (art. 35a Wet OB; the KvK number by the Handelsregisterwet): the provider's name, address, KvK and
 * VAT number; the customer's name, address and VAT ID; number, invoice date, supply period; per line
 * what, how much, the unit price, the VAT rate and the amount excluding VAT; per rate the base and the
 * VAT; "btw verlegd" with the customer's VAT ID when VAT is reverse-charged; and, for a credit
 * invoice, the invoice it corrects. The lines flow onto further pages with their header repeated;
 * every page says "Pagina n van m".
 *
 * <p>Drawn twice, as the monthly reports are: the first pass learns the page count, the second prints
 * it. The PDF's creation date is the invoice date, so rendering a final invoice again shows the same.
 */
public final class InvoicePdf implements InvoiceRenderer {
  private static final Color INK = new Color(0x1F, 0x2A, 0x37);
  private static final Color ACCENT = new Color(0x1F, 0x3A, 0x5F);
  private static final Color LINE = new Color(0xC9, 0xCF, 0xD6);
  private static final Color SHADE = new Color(0xEE, 0xF1, 0xF5);
  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  /**
   * Description, quantity, unit price, VAT rate (wide enough for "Steuerschuldnerschaft" at 8 pt), amount. The unit price and
   * the amount hold the largest amount whole at 9 pt ("€ 99.999.999,99", 74.4 pt; "€ -99.999.999,99", 77.6 pt).
   */
  private static final float[] LINE_WIDTHS = {32, 13, 17, 20, 18};

  /** Lines break at blanks and at a hyphen after a letter, never inside a date ("30-11-\n2026") or an amount ("€ -\n37,50"). */
  private static final SplitCharacter WORDS = new DefaultSplitCharacter() {
    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
      if (getCurrentCharacter(current, cc, ck) == '-') {
        return current > 0 && Character.isLetter(getCurrentCharacter(current - 1, cc, ck));
      }
      return super.isSplitCharacter(start, current, end, cc, ck);
    }
  };

  private static final LocalizedText INVOICE = new LocalizedText("Factuur", "Invoice", "Rechnung");
  private static final LocalizedText CREDIT = new LocalizedText("Creditfactuur", "Credit invoice", "Rechnungskorrektur");
  private static final LocalizedText NUMBER = new LocalizedText("Factuurnummer", "Invoice number", "Rechnungsnummer");
  private static final LocalizedText DATE = new LocalizedText("Factuurdatum", "Invoice date", "Rechnungsdatum");
  private static final LocalizedText DUE = new LocalizedText("Vervaldatum", "Due date", "Fällig am");
  private static final LocalizedText SUPPLY = new LocalizedText("Leveringsperiode", "Supply period", "Leistungszeitraum");
  private static final LocalizedText CORRECTS = new LocalizedText("Corrigeert factuur", "Corrects invoice",
      "Korrigiert Rechnung");
  private static final LocalizedText BILL_TO = new LocalizedText("Factuur aan", "Bill to", "Rechnungsempfänger");
  private static final LocalizedText KVK = new LocalizedText("KvK-nummer", "Chamber of Commerce (KvK) no.",
      "Handelsregister (KvK) Nr.");
  private static final LocalizedText VAT_NUMBER = new LocalizedText("Btw-nummer", "VAT number", "USt-IdNr.");
  private static final LocalizedText CUSTOMER_VAT_ID = new LocalizedText("Btw-nummer", "VAT ID", "USt-IdNr.");
  private static final LocalizedText IBAN = new LocalizedText("IBAN", "IBAN", "IBAN");
  private static final LocalizedText DESCRIPTION = new LocalizedText("Omschrijving", "Description", "Beschreibung");
  private static final LocalizedText QUANTITY = new LocalizedText("Aantal", "Quantity", "Menge");
  private static final LocalizedText UNIT_PRICE = new LocalizedText("Prijs per eenheid", "Unit price", "Einzelpreis");
  private static final LocalizedText VAT = new LocalizedText("Btw", "VAT", "MwSt.");
  private static final LocalizedText AMOUNT = new LocalizedText("Bedrag excl. btw", "Amount excl. VAT", "Betrag netto");
  private static final LocalizedText RATE = new LocalizedText("Btw-tarief", "VAT rate", "Steuersatz");
  private static final LocalizedText BASE = new LocalizedText("Grondslag", "Base", "Bemessungsgrundlage");
  private static final LocalizedText NET = new LocalizedText("Totaal excl. btw", "Total excl. VAT", "Summe netto");
  private static final LocalizedText VAT_TOTAL = new LocalizedText("Totaal btw", "Total VAT", "Summe MwSt.");
  private static final LocalizedText TOTAL_DUE = new LocalizedText("Totaal te betalen", "Total due", "Zu zahlender Betrag");
  private static final LocalizedText TOTAL_CREDITED = new LocalizedText("Totaal gecrediteerd", "Total credited",
      "Korrekturbetrag");
  private static final LocalizedText REVERSE_CHARGE_ID = new LocalizedText("btw-nummer afnemer", "customer's VAT ID",
      "USt-IdNr. des Leistungsempfängers");
  private static final LocalizedText PAGE = new LocalizedText("Pagina %d van %d", "Page %d of %d", "Seite %d von %d");

  @Override
  public byte[] render(Invoice invoice, ProviderDetails provider) {
    Final checked = Final.of(invoice);
    int pages = draw(checked, provider, Optional.empty()).pages();
    return draw(checked, provider, Optional.of(pages)).pdf();
  }

  /** What only a final invoice has, checked once: a draft (no number) is refused. */
  private record Final(Invoice invoice, String number, LocalDate date, BillTo billTo) {
    static Final of(Invoice invoice) {
      if (invoice.state() == InvoiceState.DRAFT || invoice.number().isEmpty() || invoice.invoiceDate().isEmpty()
          || invoice.billTo().isEmpty()) {
        throw new IllegalArgumentException("Only a final invoice is rendered; invoice " + invoice.id() + " is a draft");
      }
      if (invoice.kind() == Invoice.Kind.INVOICE && invoice.dueDate().isEmpty()) {
        throw new IllegalArgumentException("Final invoice " + invoice.number().get() + " has no due date");
      }
      if (invoice.kind() == Invoice.Kind.CREDIT && invoice.credits().isEmpty()) {
        throw new IllegalArgumentException("Credit invoice " + invoice.number().get() + " names no invoice it corrects");
      }
      if (invoice.totals().reverseCharged() && invoice.billTo().get().vatId().filter(id -> !id.isBlank()).isEmpty()) {
        throw new IllegalArgumentException("Invoice " + invoice.number().get()
            + " reverse-charges VAT but names no customer VAT ID");
      }
      return new Final(invoice, invoice.number().get().toString(), invoice.invoiceDate().get(), invoice.billTo().get());
    }

    boolean credit() {
      return invoice.kind() == Invoice.Kind.CREDIT;
    }

    Language lang() {
      return invoice.language();
    }

    String title() {
      return (credit() ? CREDIT : INVOICE).in(lang());
    }
  }

  private record Pass(byte[] pdf, int pages) {}

  private static Pass draw(Final inv, ProviderDetails provider, Optional<Integer> totalPages) {
    Language lang = inv.lang();
    Styles fonts = Styles.in(INK);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 42, 42, 48, 60);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      Footer footer = new Footer(fonts, lang, provider.name() + " · " + inv.title() + " " + inv.number(), totalPages);
      writer.setPageEvent(footer);
      document.addTitle(inv.title() + " " + inv.number());
      document.addAuthor(provider.name());
      document.addSubject(inv.title() + " " + inv.number() + " " + inv.billTo().name());
      document.addCreator("Klantportaal");
      document.open();
      // Document.addCreationDate(PdfDate) is ignored by OpenPDF 3.0.5 (its Meta sets "now"): put the date in the info itself.
      PdfDate created = new PdfDate(GregorianCalendar.from(inv.date().atStartOfDay(ZONE)));
      writer.getInfo().put(PdfName.CREATIONDATE, created);
      writer.getInfo().put(PdfName.MODDATE, created);
      header(document, inv, provider, fonts);
      parties(document, inv, fonts);
      if (inv.invoice().totals().reverseCharged()) {
        reverseCharge(document, inv, fonts);
      }
      lines(document, inv, fonts);
      closing(document, inv, provider, fonts);
      document.close();
      return new Pass(out.toByteArray(), footer.pages);
    } catch (DocumentException e) {
      throw new IllegalStateException("Invoice " + inv.number() + " could not be drawn", e);
    }
  }

  /** "Pagina n van m" (m once the first pass knows it) and who and which invoice, on every page. */
  private static final class Footer extends PdfPageEventHelper {
    private final Styles fonts;
    private final Language lang;
    private final String left;
    private final Optional<Integer> total;
    private int pages;

    Footer(Styles fonts, Language lang, String left, Optional<Integer> total) {
      this.fonts = fonts;
      this.lang = lang;
      this.left = left;
      this.total = total;
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      pages = writer.getPageNumber();
      Font small = new Font(fonts.regular(), 8, Font.NORMAL, Color.GRAY);
      ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_LEFT, phrase(left, small), document.left(), 34, 0);
      String number = String.format(PAGE.in(lang), pages, total.orElse(pages));
      ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_RIGHT, phrase(number, small), document.right(), 34, 0);
    }
  }

  /** The provider (name and address; KvK, VAT number and IBAN) and the title. */
  private static void header(Document document, Final inv, ProviderDetails provider, Styles fonts) throws DocumentException {
    Language lang = inv.lang();
    PdfPTable table = new PdfPTable(new float[] {55, 45});
    table.setWidthPercentage(100);
    PdfPCell who = bare();
    who.addElement(paragraph(provider.name(), fonts.colored(15, ACCENT)));
    for (String line : provider.address()) {
      who.addElement(paragraph(line, fonts.text(9)));
    }
    table.addCell(who);
    PdfPCell ids = bare();
    ids.addElement(right(KVK.in(lang) + ": " + provider.kvk(), fonts.text(9)));
    ids.addElement(right(VAT_NUMBER.in(lang) + ": " + provider.vatNumber(), fonts.text(9)));
    if (provider.iban() != null && !provider.iban().isBlank()) {
      ids.addElement(right(IBAN.in(lang) + ": " + provider.iban(), fonts.text(9)));
    }
    table.addCell(ids);
    // Spacing by the tables, not by the paragraph: OpenPDF spaces a paragraph with a line holding a blank,
    // which text extraction reads into the title ("F actuur").
    table.setSpacingAfter(22);
    document.add(table);
    document.add(paragraph(inv.title(), fonts.strong(24)));
  }

  /** The customer (left) and the invoice's number, dates, supply period and what it corrects (right). */
  private static void parties(Document document, Final inv, Styles fonts) throws DocumentException {
    Language lang = inv.lang();
    Invoice invoice = inv.invoice();
    PdfPTable table = new PdfPTable(new float[] {44, 56});
    table.setWidthPercentage(100);
    table.setSpacingBefore(12);
    table.setSpacingAfter(14);
    PdfPCell customer = bare();
    customer.addElement(paragraph(BILL_TO.in(lang), fonts.colored(8.5f, Color.GRAY)));
    customer.addElement(paragraph(inv.billTo().name(), fonts.strong(10.5f)));
    for (String line : inv.billTo().address()) {
      customer.addElement(paragraph(line, fonts.text(10)));
    }
    inv.billTo().vatId().filter(id -> !id.isBlank())
        .ifPresent(id -> customer.addElement(paragraph(CUSTOMER_VAT_ID.in(lang) + ": " + id, fonts.text(10))));
    table.addCell(customer);

    PdfPTable facts = new PdfPTable(new float[] {40, 60});
    facts.setWidthPercentage(100);
    fact(facts, NUMBER.in(lang), inv.number(), fonts);
    fact(facts, DATE.in(lang), InvoiceTexts.date(inv.date(), lang), fonts);
    if (!inv.credit()) {
      fact(facts, DUE.in(lang), InvoiceTexts.date(invoice.dueDate().orElseThrow(), lang), fonts);
    }
    fact(facts, SUPPLY.in(lang), InvoiceTexts.period(invoice.supply().from(), invoice.supply().to(), lang), fonts);
    if (inv.credit()) {
      fact(facts, CORRECTS.in(lang), invoice.credits().orElseThrow().number().toString(), fonts);
    }
    PdfPCell right = bare();
    right.addElement(facts);
    table.addCell(right);
    document.add(table);
  }

  private static void fact(PdfPTable facts, String label, String value, Styles fonts) {
    PdfPCell name = bare();
    name.setPhrase(phrase(label, fonts.text(9.5f)));
    name.setPaddingBottom(3);
    facts.addCell(name);
    PdfPCell text = bare();
    text.setPhrase(phrase(value, fonts.strong(9.5f)));
    text.setPaddingBottom(3);
    facts.addCell(text);
  }

  /** "Btw verlegd" and the customer's VAT ID, in a box above the lines. */
  private static void reverseCharge(Document document, Final inv, Styles fonts) throws DocumentException {
    Language lang = inv.lang();
    PdfPTable box = new PdfPTable(1);
    box.setWidthPercentage(100);
    box.setSpacingAfter(12);
    String text = VatRate.REVERSE_CHARGE.label().in(lang) + " – " + REVERSE_CHARGE_ID.in(lang) + ": "
        + inv.billTo().vatId().orElseThrow();
    PdfPCell cell = new PdfPCell(phrase(text, fonts.strong(11)));
    cell.setBorderColor(ACCENT);
    cell.setBorderWidth(1.2f);
    cell.setBackgroundColor(SHADE);
    cell.setPadding(7);
    box.addCell(cell);
    document.add(box);
  }

  /** The lines; long descriptions wrap, and the header repeats on every page the table runs onto. */
  private static void lines(Document document, Final inv, Styles fonts) throws DocumentException {
    Language lang = inv.lang();
    PdfPTable table = new PdfPTable(LINE_WIDTHS);
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    table.setSpacingAfter(10);
    table.addCell(head(DESCRIPTION.in(lang), Element.ALIGN_LEFT, fonts));
    table.addCell(head(QUANTITY.in(lang), Element.ALIGN_RIGHT, fonts));
    table.addCell(head(UNIT_PRICE.in(lang), Element.ALIGN_RIGHT, fonts));
    table.addCell(head(VAT.in(lang), Element.ALIGN_LEFT, fonts));
    table.addCell(head(AMOUNT.in(lang), Element.ALIGN_RIGHT, fonts));
    Font text = fonts.text(9);
    for (InvoiceLine line : inv.invoice().lines()) {
      table.addCell(plain(line.description(), text, Element.ALIGN_LEFT));
      // Time shows its exact minutes as h:mm, the basis of its amount (two decimals of an hour would not multiply out).
      String quantity = (line.source() instanceof InvoiceLine.Source.Time t ? InvoiceTexts.hoursAndMinutes(t.minutes())
          : InvoiceTexts.quantity(line.quantity(), lang)) + " " + line.unit().label().in(lang);
      table.addCell(plain(quantity, text, Element.ALIGN_RIGHT));
      table.addCell(plain(InvoiceTexts.euros(line.unitPrice(), lang), text, Element.ALIGN_RIGHT));
      table.addCell(plain(line.vatRate().label().in(lang), fonts.text(8), Element.ALIGN_LEFT));
      table.addCell(plain(InvoiceTexts.euros(line.amount(), lang), text, Element.ALIGN_RIGHT));
    }
    document.add(table);
  }

  /** The totals and the payment text, kept together on one page. */
  private static void closing(Document document, Final inv, ProviderDetails provider, Styles fonts) throws DocumentException {
    PdfPTable closing = new PdfPTable(1);
    closing.setWidthPercentage(100);
    closing.setKeepTogether(true);
    PdfPCell totals = bare();
    totals.addElement(totals(inv, fonts));
    closing.addCell(totals);
    PdfPCell payment = bare();
    payment.setPaddingTop(14);
    payment.addElement(paragraph(payment(inv, provider), fonts.text(10)));
    closing.addCell(payment);
    document.add(closing);
  }

  /** Per rate the base and the VAT; then the net total, the VAT total and the total due (or credited). */
  private static PdfPTable totals(Final inv, Styles fonts) {
    Language lang = inv.lang();
    InvoiceTotals totals = inv.invoice().totals();
    PdfPTable table = new PdfPTable(new float[] {38, 31, 31});
    table.setWidthPercentage(75);
    table.setHorizontalAlignment(Element.ALIGN_RIGHT);
    table.addCell(head(RATE.in(lang), Element.ALIGN_LEFT, fonts));
    table.addCell(head(BASE.in(lang), Element.ALIGN_RIGHT, fonts));
    table.addCell(head(VAT.in(lang), Element.ALIGN_RIGHT, fonts));
    Font text = fonts.text(9);
    for (InvoiceTotals.PerRate rate : totals.perRate()) {
      table.addCell(plain(rate.rate().label().in(lang), text, Element.ALIGN_LEFT));
      table.addCell(plain(InvoiceTexts.euros(rate.base(), lang), text, Element.ALIGN_RIGHT));
      table.addCell(plain(InvoiceTexts.euros(rate.vat(), lang), text, Element.ALIGN_RIGHT));
    }
    total(table, NET.in(lang), totals.net(), lang, fonts.text(9.5f), false);
    total(table, VAT_TOTAL.in(lang), totals.vat(), lang, fonts.text(9.5f), false);
    total(table, (inv.credit() ? TOTAL_CREDITED : TOTAL_DUE).in(lang), totals.total(), lang, fonts.strong(11), true);
    return table;
  }

  private static void total(PdfPTable table, String label, Amount amount, Language lang, Font font, boolean shaded) {
    PdfPCell name = plain(label, font, Element.ALIGN_LEFT);
    name.setColspan(2);
    PdfPCell value = plain(InvoiceTexts.euros(amount, lang), font, Element.ALIGN_RIGHT);
    if (shaded) {
      name.setBackgroundColor(SHADE);
      value.setBackgroundColor(SHADE);
    }
    table.addCell(name);
    table.addCell(value);
  }

  /**
   * How to pay (before the due date, to the IBAN, quoting the number), or what a credit does with the money: one of an
   * unpaid invoice is settled against it at once (nothing is owed either way), one of a paid invoice is refunded.
   */
  private static String payment(Final inv, ProviderDetails provider) {
    Language lang = inv.lang();
    String number = inv.number();
    if (inv.credit()) {
      String corrected = inv.invoice().credits().orElseThrow().number().toString();
      return inv.invoice().state() == InvoiceState.PAID
          ? new LocalizedText(
              "Deze creditfactuur corrigeert factuur " + corrected + " en is daarmee verrekend: u hoeft die factuur niet meer te betalen.",
              "This credit invoice corrects invoice " + corrected + " and settles it: you no longer need to pay that invoice.",
              "Diese Rechnungskorrektur korrigiert die Rechnung " + corrected + " und gleicht sie aus: Sie müssen diese Rechnung "
                  + "nicht mehr bezahlen.").in(lang)
          : new LocalizedText(
              "Deze creditfactuur corrigeert factuur " + corrected + ". Wij betalen het bedrag aan u terug.",
              "This credit invoice corrects invoice " + corrected + ". We will refund the amount to you.",
              "Diese Rechnungskorrektur korrigiert die Rechnung " + corrected + ". Wir erstatten Ihnen den Betrag.").in(lang);
    } else {
      String due = InvoiceTexts.date(inv.invoice().dueDate().orElseThrow(), lang);
      boolean iban = provider.iban() != null && !provider.iban().isBlank();
      String to = iban ? provider.iban() : "";
      return new LocalizedText(
          "Gelieve het totaalbedrag vóór " + due + (iban ? " over te maken op " + to : " te voldoen")
              + " o.v.v. factuurnummer " + number + ".",
          "Please " + (iban ? "transfer" : "pay") + " the total amount by " + due + (iban ? " to " + to : "")
              + ", quoting invoice number " + number + ".",
          "Bitte " + (iban ? "überweisen" : "zahlen") + " Sie den Gesamtbetrag bis zum " + due + (iban ? " auf " + to : "")
              + " unter Angabe der Rechnungsnummer " + number + ".").in(lang);
    }
  }

  /** Every text on the invoice is set through here: what the font cannot draw shows as {@link Printable#MISSING}. */
  private static Phrase phrase(String text, Font font) {
    return new Phrase(new Chunk(Printable.text(text, font), font).setSplitCharacter(WORDS));
  }

  private static Paragraph paragraph(String text, Font font) {
    return new Paragraph(phrase(text, font));
  }

  private static Paragraph right(String text, Font font) {
    Paragraph p = paragraph(text, font);
    p.setAlignment(Element.ALIGN_RIGHT);
    return p;
  }

  private static PdfPCell bare() {
    PdfPCell cell = new PdfPCell();
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setPadding(0);
    return cell;
  }

  private static PdfPCell head(String text, int align, Styles fonts) {
    PdfPCell cell = new PdfPCell(phrase(text, fonts.colored(8.5f, Color.WHITE)));
    cell.setBackgroundColor(ACCENT);
    cell.setBorderColor(ACCENT);
    cell.setHorizontalAlignment(align);
    cell.setPadding(4);
    return cell;
  }

  private static PdfPCell plain(String text, Font font, int align) {
    PdfPCell cell = new PdfPCell(phrase(text, font));
    cell.setHorizontalAlignment(align);
    cell.setBorderColor(LINE);
    cell.setPadding(4);
    return cell;
  }
}
