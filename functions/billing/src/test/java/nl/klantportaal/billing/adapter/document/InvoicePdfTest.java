package nl.klantportaal.billing.adapter.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.billing.domain.RegistrationType;
import nl.klantportaal.billing.domain.invoice.Amount;
import nl.klantportaal.billing.domain.invoice.BillTo;
import nl.klantportaal.billing.domain.invoice.Invoice;
import nl.klantportaal.billing.domain.invoice.InvoiceLine;
import nl.klantportaal.billing.domain.invoice.InvoiceNumber;
import nl.klantportaal.billing.domain.invoice.InvoiceState;
import nl.klantportaal.billing.domain.invoice.InvoiceTexts;
import nl.klantportaal.billing.domain.invoice.ProviderDetails;
import nl.klantportaal.billing.domain.invoice.VatRate;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Language;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Final invoices rendered and read back with PDFBox: what Dutch law wants on them, in nl, en and de,
 * against hand-computed amounts.
 *
 * <p>The standard invoice has three lines: 150 minutes at € 95.00/h = 237.50 and 3 × 12.50 = 37.50, both
 * at 21 % (base 275.00, VAT 57.75); 2 months × 19.99 prorated 17 of 30 days = 39.98 × 17 / 30 = 22.6553
 * → 22.66 at 9 % (VAT 2.0394 → 2.04). Net 297.66, VAT 59.79, total 357.45.
 */
class InvoicePdfTest {
  private static final ProviderDetails PROVIDER = new ProviderDetails("PC Patrol B.V.",
      List.of("Stationsplein 12", "3511 ED Utrecht"), "30123456", "NL001234567B01", "NL91ABNA0417164300");
  private static final BillTo CUSTOMER = new BillTo("Bakkerij De Korenschoof B.V.", List.of("Dorpsstraat 5", "1234 AB Ergens"),
      Optional.of("NL009876543B01"));
  private static final Invoice.Supply NOVEMBER = new Invoice.Supply(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
  private static final LocalDate INVOICE_DATE = LocalDate.of(2026, 12, 1);
  private static final InvoiceNumber NUMBER = new InvoiceNumber(2026, 42);

  private final InvoicePdf pdf = new InvoicePdf();

  private static List<InvoiceLine> standardLines(String remote, String dock, String backup) {
    return List.of(
        InvoiceLine.time(remote, 150, Amount.euros("95.00"), VatRate.STANDARD,
            new InvoiceLine.Source.Time(RegistrationType.AD_HOC_BILLABLE, 150)),
        InvoiceLine.of(dock, new BigDecimal("3"), InvoiceLine.Unit.PIECE, Amount.euros("12.50"), VatRate.STANDARD,
            new InvoiceLine.Source.Manual()),
        InvoiceLine.prorated(backup, new BigDecimal("2"), InvoiceLine.Unit.MONTH, Amount.euros("19.99"), VatRate.REDUCED, 17, 30,
            new InvoiceLine.Source.SubscriptionCharge("sub-1", LocalDate.of(2026, 11, 14), NOVEMBER.to())));
  }

  private static Invoice draft(Language language, List<InvoiceLine> lines) {
    return new Invoice("inv-1", new TenantId("korenschoof"), Invoice.Kind.INVOICE, NOVEMBER, lines, InvoiceState.DRAFT,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), language, Optional.empty(), Optional.empty(), 1, true,
        Instant.parse("2026-11-30T09:00:00Z"), 0);
  }

  private static Invoice finalInvoice(Language language, List<InvoiceLine> lines, BillTo customer) {
    return draft(language, lines).finalise(NUMBER, INVOICE_DATE, 14, customer);
  }

  private static Invoice standard(Language language) {
    return finalInvoice(language, switch (language) {
      case NL -> standardLines("Ad-Hoc Facturabel, 1-11-2026 t/m 30-11-2026", "USB-C dockingstation",
          "Back-up werkplek (maandelijks), 14-11-2026 t/m 30-11-2026 (17/30 dagen)");
      case EN -> standardLines("Ad-hoc billable, 1 Nov 2026 – 30 Nov 2026", "USB-C docking station",
          "Workstation backup (monthly), 14 Nov 2026 – 30 Nov 2026 (17/30 days)");
      case DE -> standardLines("Ad-hoc abrechenbar, 01.11.2026 bis 30.11.2026", "USB-C-Dockingstation",
          "Arbeitsplatz-Backup (monatlich), 14.11.2026 bis 30.11.2026 (17/30 Tage)");
    }, CUSTOMER);
  }

  private static String text(byte[] bytes) throws IOException {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      // Amounts keep their non-breaking space (the sign never wraps away); the expectations write a plain one.
      return stripper.getText(document).replace('\u00a0', ' ');
    }
  }

  /**
   * The text with every run of white space one space, and a line broken after a word's hyphen joined
   * ("back-\nup"): a wrapped description reads as one.
   */
  private static String flat(String text) {
    return text.replaceAll("\\s+", " ").replaceAll("(?<=\\p{L}-) ", "");
  }

  private static void assertHas(String text, String... expected) {
    for (String e : expected) {
      assertTrue(text.contains(e), () -> "Missing \"" + e + "\" in:\n" + text);
    }
  }

  @Test
  void theAmountsAreWrittenAsInvoiceTextsWritesThemPerLanguage() {
    assertEquals("€\u00a0357,45", InvoiceTexts.euros(Amount.euros("357.45"), Language.NL));
    assertEquals("€357.45", InvoiceTexts.euros(Amount.euros("357.45"), Language.EN));
    assertEquals("357,45\u00a0€", InvoiceTexts.euros(Amount.euros("357.45"), Language.DE));
  }

  @Test
  void aDutchInvoiceCarriesWhatTheLawWants() throws IOException {
    Invoice invoice = standard(Language.NL);
    String text = text(pdf.render(invoice, PROVIDER));
    assertHas(text, "Factuur", "PC Patrol B.V.", "Stationsplein 12", "3511 ED Utrecht", "KvK-nummer: 30123456",
        "Btw-nummer: NL001234567B01", "IBAN: NL91ABNA0417164300");
    assertHas(text, "Bakkerij De Korenschoof B.V.", "Dorpsstraat 5", "1234 AB Ergens", "Btw-nummer: NL009876543B01");
    assertHas(text, "Factuurnummer 2026-00042", "Factuurdatum 1-12-2026", "Vervaldatum 15-12-2026",
        "Leveringsperiode 1-11-2026 t/m 30-11-2026");
    assertHas(flat(text), "Ad-Hoc Facturabel, 1-11-2026 t/m 30-11-2026 2:30 uur € 95,00 21% btw € 237,50",
        "USB-C dockingstation 3 st. € 12,50 21% btw € 37,50",
        "Back-up werkplek (maandelijks), 14-11-2026 t/m 30-11-2026 (17/30 dagen) 2 mnd € 19,99 9% btw € 22,66");
    assertHas(text, "21% btw € 275,00 € 57,75", "9% btw € 22,66 € 2,04", "Totaal excl. btw € 297,66", "Totaal btw € 59,79",
        "Totaal te betalen € 357,45");
    assertHas(flat(text), "Gelieve het totaalbedrag vóór 15-12-2026 over te maken op NL91ABNA0417164300 o.v.v. factuurnummer "
        + "2026-00042.");
    assertHas(text, "Pagina 1 van 1");
    assertFalse(text.contains("Btw verlegd"), text);
    assertFalse(text.contains("Creditfactuur"), text);
  }

  @Test
  void anEnglishInvoice() throws IOException {
    String text = text(pdf.render(standard(Language.EN), PROVIDER));
    assertHas(text, "Invoice", "Chamber of Commerce (KvK) no.: 30123456", "VAT number: NL001234567B01", "VAT ID: NL009876543B01");
    assertHas(text, "Invoice number 2026-00042", "Invoice date 1 Dec 2026", "Due date 15 Dec 2026",
        "Supply period 1 Nov 2026 – 30 Nov 2026");
    assertHas(flat(text), "Ad-hoc billable, 1 Nov 2026 – 30 Nov 2026 2:30 h €95.00 21% VAT €237.50",
        "USB-C docking station 3 pcs €12.50 21% VAT €37.50",
        "Workstation backup (monthly), 14 Nov 2026 – 30 Nov 2026 (17/30 days) 2 mo €19.99 9% VAT €22.66");
    assertHas(text, "21% VAT €275.00 €57.75", "9% VAT €22.66 €2.04", "Total excl. VAT €297.66", "Total VAT €59.79",
        "Total due €357.45");
    assertHas(flat(text), "Please transfer the total amount by 15 Dec 2026 to NL91ABNA0417164300, quoting invoice number 2026-00042.");
    assertHas(text, "Page 1 of 1");
  }

  @Test
  void aGermanInvoice() throws IOException {
    String text = text(pdf.render(standard(Language.DE), PROVIDER));
    assertHas(text, "Rechnung", "Handelsregister (KvK) Nr.: 30123456", "USt-IdNr.: NL001234567B01", "USt-IdNr.: NL009876543B01");
    assertHas(text, "Rechnungsnummer 2026-00042", "Rechnungsdatum 01.12.2026", "Fällig am 15.12.2026",
        "Leistungszeitraum 01.11.2026 bis 30.11.2026");
    assertHas(flat(text), "Ad-hoc abrechenbar, 01.11.2026 bis 30.11.2026 2:30 Std. 95,00 € 21% MwSt. 237,50 €",
        "USB-C-Dockingstation 3 Stk. 12,50 € 21% MwSt. 37,50 €",
        "Arbeitsplatz-Backup (monatlich), 14.11.2026 bis 30.11.2026 (17/30 Tage) 2 Mon. 19,99 € 9% MwSt. 22,66 €");
    assertHas(text, "21% MwSt. 275,00 € 57,75 €", "9% MwSt. 22,66 € 2,04 €", "Summe netto 297,66 €", "Summe MwSt. 59,79 €",
        "Zu zahlender Betrag 357,45 €");
    assertHas(flat(text), "Bitte überweisen Sie den Gesamtbetrag bis zum 15.12.2026 auf NL91ABNA0417164300 unter Angabe der "
        + "Rechnungsnummer 2026-00042.");
    assertHas(text, "Seite 1 von 1");
  }

  @Test
  void theTwoLineExampleTotals() throws IOException {
    Invoice invoice = finalInvoice(Language.NL, standard(Language.NL).lines().subList(0, 2), CUSTOMER);
    String text = text(pdf.render(invoice, PROVIDER));
    assertHas(text, "21% btw € 275,00 € 57,75", "Totaal excl. btw € 275,00", "Totaal btw € 57,75", "Totaal te betalen € 332,75");
    assertFalse(text.contains("9% btw"), text);
  }

  @Test
  void aReverseChargedInvoiceSaysSoAndNamesTheCustomersVatId() throws IOException {
    BillTo german = new BillTo("Müller Systemhaus GmbH", List.of("Königsallee 1", "40212 Düsseldorf", "Deutschland"),
        Optional.of("DE123456789"));
    List<InvoiceLine> lines = List.of(InvoiceLine.time("Ad-Hoc Facturabel, 1-11-2026 t/m 30-11-2026", 150, Amount.euros("95.00"),
        VatRate.REVERSE_CHARGE, new InvoiceLine.Source.Time(RegistrationType.AD_HOC_BILLABLE, 150)));
    String text = text(pdf.render(finalInvoice(Language.NL, lines, german), PROVIDER));
    assertHas(text, "Btw verlegd – btw-nummer afnemer: DE123456789", "Müller Systemhaus GmbH", "Königsallee 1",
        "Btw-nummer: DE123456789");
    assertHas(text, "Btw verlegd € 237,50 € 0,00", "Totaal btw € 0,00", "Totaal te betalen € 237,50");

    String inGerman = text(pdf.render(finalInvoice(Language.DE, lines, german), PROVIDER));
    assertHas(flat(inGerman), "Steuerschuldnerschaft des Leistungsempfängers – USt-IdNr. des Leistungsempfängers: DE123456789");
    String inEnglish = text(pdf.render(finalInvoice(Language.EN, lines, german), PROVIDER));
    assertHas(inEnglish, "VAT reverse-charged – customer's VAT ID: DE123456789");
  }

  @Test
  void aCreditInvoiceNamesTheInvoiceItCorrectsWithNegativeAmounts() throws IOException {
    Invoice credit = standard(Language.NL).creditInvoice("cr-1", new InvoiceNumber(2026, 43), LocalDate.of(2026, 12, 10),
        Instant.parse("2026-12-10T10:00:00Z"));
    String text = text(pdf.render(credit, PROVIDER));
    assertHas(text, "Creditfactuur", "Factuurnummer 2026-00043", "Factuurdatum 10-12-2026", "Corrigeert factuur 2026-00042");
    assertHas(flat(text), "USB-C dockingstation -3 st. € 12,50 21% btw € -37,50",
        "Ad-Hoc Facturabel, 1-11-2026 t/m 30-11-2026 -2:30 uur € 95,00 21% btw € -237,50");
    assertHas(text, "21% btw € -275,00 € -57,75", "9% btw € -22,66 € -2,04", "Totaal excl. btw € -297,66", "Totaal btw € -59,79",
        "Totaal gecrediteerd € -357,45");
    assertHas(flat(text), "Deze creditfactuur corrigeert factuur 2026-00042 en is daarmee verrekend: u hoeft die factuur niet "
        + "meer te betalen.");
    assertFalse(text.contains("Vervaldatum"), text);
    assertFalse(text.contains("Gelieve"), text);

    Invoice english = standard(Language.EN).creditInvoice("cr-2", new InvoiceNumber(2026, 44), LocalDate.of(2026, 12, 10),
        Instant.parse("2026-12-10T10:00:00Z"));
    assertHas(text(pdf.render(english, PROVIDER)), "Credit invoice", "Corrects invoice 2026-00042", "Total credited -€357.45");
    Invoice german = standard(Language.DE).creditInvoice("cr-3", new InvoiceNumber(2026, 45), LocalDate.of(2026, 12, 10),
        Instant.parse("2026-12-10T10:00:00Z"));
    assertHas(text(pdf.render(german, PROVIDER)), "Rechnungskorrektur", "Korrigiert Rechnung 2026-00042", "Korrekturbetrag -357,45 €");

    // A paid invoice's credit is refunded, in each language (the portal says "Terug te betalen", "Zu erstatten").
    for (Language language : Language.values()) {
      Invoice refund = standard(language).pay(InvoiceState.PAID).creditInvoice("cr-" + language, new InvoiceNumber(2026, 46),
          LocalDate.of(2026, 12, 10), Instant.parse("2026-12-10T10:00:00Z"));
      assertEquals(InvoiceState.OPEN, refund.state());
      assertHas(flat(text(pdf.render(refund, PROVIDER))), switch (language) {
        case NL -> "Deze creditfactuur corrigeert factuur 2026-00042. Wij betalen het bedrag aan u terug.";
        case EN -> "This credit invoice corrects invoice 2026-00042. We will refund the amount to you.";
        case DE -> "Diese Rechnungskorrektur korrigiert die Rechnung 2026-00042. Wir erstatten Ihnen den Betrag.";
      });
    }
  }

  @Test
  void theLargestInvoiceFitsTheOutboxThatMailsIt() {
    // An invoice has at most 200 lines; its PDF travels in the outbox item (at most 300 KiB) to every billing contact.
    List<InvoiceLine> lines = new ArrayList<>();
    for (int i = 1; i <= nl.klantportaal.billing.domain.invoice.Invoice.MAX_LINES; i++) {
      lines.add(InvoiceLine.of("Werkplekbeheer gebruiker " + i + ": " + "beveiligingsupdates, back-up, ondersteuning op afstand; ".repeat(5)
          .substring(0, 250), BigDecimal.ONE, InvoiceLine.Unit.MONTH, Amount.euros("10.00"), VatRate.STANDARD,
          new InvoiceLine.Source.Manual()));
    }
    byte[] bytes = pdf.render(finalInvoice(Language.DE, lines, CUSTOMER), PROVIDER);
    assertTrue(bytes.length < nl.klantportaal.notifications.adapter.dynamodb.DynamoDbOutbox.MAX_ATTACHMENT_BYTES,
        "a 200-line invoice is " + bytes.length + " bytes");
  }

  @Test
  void manyLinesFlowOntoNumberedPagesWithTheHeaderRepeated() throws IOException {
    List<InvoiceLine> lines = new ArrayList<>();
    for (int i = 1; i <= 120; i++) {
      String description = String.format("Werkplekbeheer gebruiker %03d, inclusief beveiligingsupdates, back-up van de mailbox en "
          + "ondersteuning op afstand tijdens kantooruren", i);
      lines.add(InvoiceLine.of(description, BigDecimal.ONE, InvoiceLine.Unit.MONTH, Amount.euros("10.00"), VatRate.STANDARD,
          new InvoiceLine.Source.Manual()));
    }
    byte[] bytes = pdf.render(finalInvoice(Language.NL, lines, CUSTOMER), PROVIDER);
    try (PDDocument document = Loader.loadPDF(bytes)) {
      int pages = document.getNumberOfPages();
      assertTrue(pages >= 3, "120 wrapping lines take several pages, not " + pages);
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= pages; page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String text = stripper.getText(document);
        assertHas(text, "Pagina " + page + " van " + pages, "Factuur 2026-00042");
        if (page < pages) {
          assertHas(text, "Omschrijving Aantal Prijs per");
        }
      }
    }
    String all = flat(text(bytes));
    for (int i = 1; i <= 120; i++) {
      assertHas(all, String.format("Werkplekbeheer gebruiker %03d, inclusief beveiligingsupdates, back-up van de mailbox en "
          + "ondersteuning op afstand tijdens kantooruren", i));
    }
    // 120 × 10.00 = 1,200.00; 21 % = 252.00; total 1,452.00.
    assertHas(all, "21% btw € 1.200,00 € 252,00", "Totaal te betalen € 1.452,00");
  }

  @Test
  void theMetadataNameTheInvoiceAndItsDateSoARenderingRepeats() throws IOException {
    Invoice invoice = standard(Language.NL);
    byte[] first = pdf.render(invoice, PROVIDER);
    byte[] second = pdf.render(invoice, PROVIDER);
    try (PDDocument document = Loader.loadPDF(first)) {
      var info = document.getDocumentInformation();
      assertEquals("Factuur 2026-00042", info.getTitle());
      assertEquals("PC Patrol B.V.", info.getAuthor());
      assertEquals(ZonedDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneId.of("Europe/Amsterdam")).toInstant(),
          info.getCreationDate().toInstant());
      assertEquals(info.getCreationDate().toInstant(), info.getModificationDate().toInstant());
    }
    assertEquals(text(first), text(second));
  }

  @Test
  void withoutAnIbanThePaymentTextNamesNone() throws IOException {
    ProviderDetails noIban = new ProviderDetails(PROVIDER.name(), PROVIDER.address(), PROVIDER.kvk(), PROVIDER.vatNumber(), " ");
    String text = text(pdf.render(standard(Language.NL), noIban));
    assertFalse(text.contains("IBAN"), text);
    assertHas(flat(text), "Gelieve het totaalbedrag vóór 15-12-2026 te voldoen o.v.v. factuurnummer 2026-00042.");
  }

  @Test
  void aDraftIsRefused() {
    Invoice draft = draft(Language.NL, standard(Language.NL).lines());
    assertThrows(IllegalArgumentException.class, () -> pdf.render(draft, PROVIDER));
  }

  @Test
  void whatTheFontCannotDrawShowsAsAReplacementInsteadOfVanishing() throws IOException {
    String x = Printable.MISSING;
    BillTo customer = new BillTo("Bakkerij 🥐 De Korenschoof", List.of("Dorpsstraat 5", "北京市 100000"), Optional.of("NL009876543B01"));
    List<InvoiceLine> lines = List.of(InvoiceLine.of("Printer 打印机 vervangen 🔥, cafe\u0301 we\tk", BigDecimal.ONE,
        InvoiceLine.Unit.PIECE, Amount.euros("10.00"), VatRate.STANDARD, new InvoiceLine.Source.Manual()));
    ProviderDetails provider = new ProviderDetails("PC Patrol 👍 B.V.", PROVIDER.address(), PROVIDER.kvk(), PROVIDER.vatNumber(),
        PROVIDER.iban());
    String text = text(pdf.render(finalInvoice(Language.NL, lines, customer), provider));
    assertHas(text, "Bakkerij " + x + " De Korenschoof", x + x + x + " 100000", "PC Patrol " + x + " B.V.");
    assertHas(flat(text), "Printer " + x + x + x + " vervangen " + x + ", café we k 1 st.");
  }

  @Test
  void longWordsAndTheLargestAmountsStayInsideTheirColumnsAndThePage() throws IOException {
    String word = "Werkplekbeheerondersteuningsovereenkomstverlengingsaanvraag1";
    assertEquals(60, word.length());
    String url = "https://portal.example.com/tickets/12345/attachments/" + "a".repeat(80) + "?download=true";
    BillTo customer = new BillTo("Zeer-Lange-Naam-" + "Holding".repeat(10) + " B.V.", List.of(url.substring(0, 90), "1234 AB Ergens"),
        Optional.of("NL009876543B01"));
    List<InvoiceLine> lines = List.of(
        InvoiceLine.of(word + " " + url, BigDecimal.ONE, InvoiceLine.Unit.PIECE, Amount.euros("99999999.99"), VatRate.REVERSE_CHARGE,
            new InvoiceLine.Source.Manual()));
    for (Language language : Language.values()) {
      Invoice invoice = finalInvoice(language, lines, customer);
      for (Invoice shown : List.of(invoice, invoice.creditInvoice("cr-" + language, new InvoiceNumber(2026, 43), LocalDate.of(2026, 12, 10),
          Instant.parse("2026-12-10T10:00:00Z")))) {
        byte[] bytes = pdf.render(shown, PROVIDER);
        PdfLayout.assertInsideMargins(bytes, 42);
        String text = text(bytes);
        // Whole on their lines: the unit price (never negative), and the line's amount, the base, the net total and the
        // total due or credited (negative on a credit).
        String positive = InvoiceTexts.euros(Amount.euros("99999999.99"), language).replace('\u00a0', ' ');
        String negative = InvoiceTexts.euros(Amount.euros("-99999999.99"), language).replace('\u00a0', ' ');
        boolean credit = shown.kind() == Invoice.Kind.CREDIT;
        assertEquals(credit ? 1 : 5, count(text, "(?<!-)" + java.util.regex.Pattern.quote(positive)), language + " " + shown.kind()
            + ": the largest amount is cut in a column:\n" + text);
        assertEquals(credit ? 4 : 0, count(text, java.util.regex.Pattern.quote(negative)), language + " " + shown.kind() + ":\n" + text);
        assertHas(flat(text).replace(" ", ""), (word + url).replace(" ", ""));
      }
    }
  }

  private static long count(String text, String regex) {
    return java.util.regex.Pattern.compile(regex).matcher(text).results().count();
  }
}
