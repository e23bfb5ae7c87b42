package nl.klantportaal.billing.usecase;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.customer.port.CustomerRepository;
import nl.klantportaal.billing.domain.RegistrationSheet;
import nl.klantportaal.billing.domain.RegistrationType;
import nl.klantportaal.billing.domain.invoice.InvoiceTexts;
import nl.klantportaal.billing.port.RegistrationDocuments;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.LocalizedText;

/**
 * Exactly the filtered registrations list, with its totals, as a PDF or an .xlsx in the reader's
 * language (the seed: "U kunt de lijst exporteren als PDF of Excel"). Internal notes never appear.
 */
public final class ExportRegistrations {
  /** Lambda answers at most 6 MB; the base64 of a larger file would not fit. */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  private final ViewHours view;
  private final CustomerRepository customers;
  private final RegistrationDocuments documents;
  private final Clock clock;

  public ExportRegistrations(ViewHours view, CustomerRepository customers, RegistrationDocuments documents, Clock clock) {
    this.view = view;
    this.customers = customers;
    this.documents = documents;
    this.clock = clock;
  }

  public record ExportFile(String fileName, String contentType, byte[] content) {}

  public ExportFile execute(TenantId tenant, EntryFilter filter, String format, Language language) {
    if (!"pdf".equals(format) && !"xlsx".equals(format)) {
      throw new DomainException.InvalidInput(List.of(new FieldError("format", "one-of", "must be one of [pdf, xlsx]")));
    }
    EntryList list = view.entries(tenant, filter, language, false);
    RegistrationSheet sheet = sheet(tenant, list, language);
    byte[] bytes = "pdf".equals(format) ? documents.pdf(sheet) : documents.xlsx(sheet);
    if (bytes.length > MAX_BYTES) {
      throw new DomainException.InvalidInput(List.of(new FieldError("to", "too-large",
          "the export is too large for one download; choose a shorter period")));
    }
    String name = text(language, "urenregistraties", "time-registrations", "Zeiterfassung") + "-" + list.from() + "-" + list.to()
        + "." + format;
    return new ExportFile(name, "pdf".equals(format) ? "application/pdf"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes);
  }

  RegistrationSheet sheet(TenantId tenant, EntryList list, Language language) {
    String customer = customers.find(tenant).map(c -> c.name()).orElse(tenant.value());
    List<String> headers = List.of(text(language, "Datum", "Date", "Datum"), text(language, "Uren", "Hours", "Stunden"),
        text(language, "Type registratie", "Registration type", "Erfassungsart"),
        text(language, "Factuurstatus", "Invoice status", "Rechnungsstatus"), text(language, "Medewerker", "Engineer", "Techniker"),
        text(language, "Omschrijving", "Description", "Beschreibung"), text(language, "Ticket", "Ticket", "Ticket"));
    List<RegistrationSheet.Row> rows = list.entries().stream().map(e -> {
      LocalDate day = LocalDate.parse(e.date());
      return new RegistrationSheet.Row(day, InvoiceTexts.date(day, language), e.minutes(), RegistrationSheet.hours(e.minutes()),
          e.typeLabel(), e.invoiceStatusLabel(), e.agentName(), e.description(), e.ticketNumber().map(n -> "#" + n).orElse(""));
    }).toList();
    List<RegistrationSheet.Total> totals = new ArrayList<>();
    totals.add(minutes(text(language, "Totaal", "Total", "Gesamt"), list.totals().minutes()));
    for (RegistrationType type : RegistrationType.values()) {
      int m = list.totals().byType().get(type.wireName());
      if (m != 0) {
        totals.add(minutes(type.label().in(language), m));
      }
    }
    totals.add(new RegistrationSheet.Total(text(language, "Waarde ad-hoc facturabel (excl. btw)", "Ad-hoc billable value (excl. VAT)",
        "Wert ad-hoc abrechenbar (ohne MwSt.)"), InvoiceTexts.euros(new BigDecimal(list.totals().billableValue()), language),
        Optional.empty()));
    String title = text(language, "Urenregistraties", "Time registrations", "Zeiterfassungen");
    String subtitle = customer + " · " + InvoiceTexts.period(LocalDate.parse(list.from()), LocalDate.parse(list.to()), language);
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(BillingDates.ZONE));
    String generated = text(language, "Gemaakt op ", "Generated on ", "Erstellt am ") + InvoiceTexts.date(now.toLocalDate(), language)
        + " " + now.format(DateTimeFormatter.ofPattern("HH:mm z", InvoiceTexts.locale(language)));
    return new RegistrationSheet(title, subtitle, headers, rows, totals, generated);
  }

  private static RegistrationSheet.Total minutes(String label, int minutes) {
    return new RegistrationSheet.Total(label, RegistrationSheet.hours(minutes), Optional.of(minutes));
  }

  private static String text(Language language, String nl, String en, String de) {
    return new LocalizedText(nl, en, de).in(language);
  }
}
