package nl.klantportaal.billing.domain.invoice;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.LocalizedText;

/** Dates, amounts and periods as an invoice in nl, en or de writes them. */
public final class InvoiceTexts {
  private InvoiceTexts() {}

  /**
   * The name a reader gets the final invoice's PDF under, in the reader's language and plain ASCII (a quoted
   * Content-Disposition and a mail attachment need no encoding): {@code factuur-2026-00001.pdf},
   * {@code invoice-…}, {@code Rechnung-…}; a credit invoice {@code creditfactuur-…}, {@code credit-note-…},
   * {@code Gutschrift-…}. Only the name given out: the stored object keeps its key.
   */
  public static String fileName(Invoice invoice, Language reader) {
    String word = invoice.kind() == Invoice.Kind.CREDIT
        ? new LocalizedText("creditfactuur", "credit-note", "Gutschrift").in(reader)
        : new LocalizedText("factuur", "invoice", "Rechnung").in(reader);
    return word + "-" + invoice.number().orElseThrow(() -> new IllegalArgumentException("A draft has no document")) + ".pdf";
  }

  public static Locale locale(Language language) {
    return switch (language) {
      case NL -> Locale.of("nl", "NL");
      case EN -> Locale.of("en", "IE");
      case DE -> Locale.of("de", "DE");
    };
  }

  public static String date(LocalDate date, Language language) {
    return switch (language) {
      case NL -> DateTimeFormatter.ofPattern("d-M-yyyy").format(date);
      case EN -> DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(date);
      case DE -> DateTimeFormatter.ofPattern("dd.MM.yyyy").format(date);
    };
  }

  /** {@code 1-11-2026 t/m 30-11-2026}; one day is just that day. */
  public static String period(LocalDate from, LocalDate to, Language language) {
    if (from.equals(to)) {
      return date(from, language);
    }
    String through = new LocalizedText(" t/m ", " – ", " bis ").in(language);
    return date(from, language) + through + date(to, language);
  }

  /**
   * The amount as the locale writes euros ({@code € 1.234,50} in Dutch, {@code €1,234.50} in English,
   * {@code 1.234,50 €} in German), with its non-breaking space kept so the sign never wraps away.
   */
  public static String euros(Amount amount, Language language) {
    return euros(amount.value(), language);
  }

  /** {@link #euros(Amount, Language)} for a sum that is no invoice amount (the registrations' billable value). */
  public static String euros(BigDecimal amount, Language language) {
    NumberFormat format = NumberFormat.getCurrencyInstance(locale(language));
    format.setCurrency(java.util.Currency.getInstance("EUR"));
    return format.format(amount);
  }

  /** Minutes as {@code h:mm} ({@code 2:30}; a reversal {@code -1:00}). */
  public static String hoursAndMinutes(int minutes) {
    int abs = Math.abs(minutes);
    return (minutes < 0 ? "-" : "") + abs / 60 + ":" + String.format("%02d", abs % 60);
  }

  /** A quantity with as many decimals as it has (2,25; 1). */
  public static String quantity(BigDecimal quantity, Language language) {
    NumberFormat format = NumberFormat.getNumberInstance(locale(language));
    format.setMinimumFractionDigits(0);
    format.setMaximumFractionDigits(2);
    return format.format(quantity);
  }
}
