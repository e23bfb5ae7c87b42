package nl.klantportaal.billing.domain.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.klantportaal.billing.domain.BillingSettings;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.billing.domain.InvoiceStatus;
import nl.klantportaal.billing.domain.Money;
import nl.klantportaal.billing.domain.RegistrationType;
import nl.klantportaal.billing.domain.Subscription;
import nl.klantportaal.billing.domain.TimeEntry;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.LocalizedText;

/**
 * The lines of a draft for a supply period, from what is still to be billed (docs/billing.md,
 * "Drafting"):
 *
 * <ol>
 *   <li><b>Time</b> still to be invoiced, dated in the period: one line per registration type and
 *       hourly rate in force on the line's date (the agreement's effective-dated rates), priced from the
 *       exact minutes. Reversals count negative, so a corrected registration nets out. Time on a day no
 *       rate covers makes the draft refuse (409): add the rate first.
 *   <li><b>Subscriptions</b> (not cancelled): a monthly one per calendar month of the period it runs
 *       in, a yearly one per subscription year that begins in the period (billed in advance). A part
 *       period is prorated by days: {@code quantity × unit price × days / days of that month or
 *       subscription year}, rounded half-up to the cent. A stretch an invoice already holds is left out.
 *   <li><b>Ordered bundles</b> not yet on an invoice: the bundle's price.
 * </ol>
 */
public final class InvoiceDrafting {
  private InvoiceDrafting() {}

  /** A subscription and the stretches of it invoices already hold. */
  public record SubscriptionToBill(Subscription subscription, List<Invoice.Supply> charged) {}

  public static List<InvoiceLine> lines(Invoice.Supply supply, List<TimeEntry> time, BillingSettings settings,
      List<SubscriptionToBill> subscriptions, List<HourBundle> unbilledBundles, VatRate vat, Language language) {
    List<InvoiceLine> lines = new ArrayList<>(timeLines(supply, time, settings, vat, language));
    for (SubscriptionToBill s : subscriptions) {
      lines.addAll(charges(s.subscription(), supply, s.charged(), vat, language));
    }
    for (HourBundle bundle : unbilledBundles) {
      if (billable(bundle)) {
        lines.add(InvoiceLine.of(bundleText(bundle, language), BigDecimal.ONE, InvoiceLine.Unit.PIECE, Amount.of(bundle.price()), vat,
            new InvoiceLine.Source.Bundle(bundle.id())));
      }
    }
    return lines;
  }

  /** Whether a bundle is billed (once, by the invoice that holds it): one with a price, ordered or active, not cancelled. */
  public static boolean billable(HourBundle bundle) {
    return bundle.state() != HourBundle.State.CANCELLED && bundle.price().amount().signum() > 0;
  }

  private record RateKey(RegistrationType type, BigDecimal hourly) {}

  private static List<InvoiceLine> timeLines(Invoice.Supply supply, List<TimeEntry> time, BillingSettings settings, VatRate vat,
      Language language) {
    Map<RateKey, int[]> minutes = new TreeMap<>(Comparator.comparing((RateKey k) -> k.type().ordinal()).thenComparing(RateKey::hourly));
    for (TimeEntry line : time) {
      if (!(line.status() instanceof InvoiceStatus.ToInvoice) || !supply.contains(line.date())) {
        throw new IllegalArgumentException("Only time still to be invoiced, dated in the period, is drafted");
      }
      Money rate = settings.rateOn(line.type(), line.date()).orElseThrow(() -> new DomainException.Conflict(
          DomainException.Conflict.Kind.RATE_MISSING, "Time of " + line.date() + " (" + line.type().wireName()
          + ") has no hourly rate in the customer's agreement: add the rate, then draft again"));
      minutes.computeIfAbsent(new RateKey(line.type(), rate.amount()), k -> new int[1])[0] += line.minutes();
    }
    List<InvoiceLine> lines = new ArrayList<>();
    minutes.forEach((key, total) -> {
      if (total[0] != 0) {
        String text = key.type().label().in(language) + ", " + InvoiceTexts.period(supply.from(), supply.to(), language);
        lines.add(InvoiceLine.time(text, total[0], new Amount(key.hourly()), vat, new InvoiceLine.Source.Time(key.type(), total[0])));
      }
    });
    return lines;
  }

  /** The charges of one subscription within the period, leaving out what {@code charged} holds. */
  public static List<InvoiceLine> charges(Subscription s, Invoice.Supply supply, List<Invoice.Supply> charged, VatRate vat,
      Language language) {
    if (s.cancelled()) {
      return List.of();
    }
    LocalDate end = s.autoRenew() ? LocalDate.MAX : s.endDate();
    List<InvoiceLine> lines = new ArrayList<>();
    if (s.period() == Subscription.Period.MONTHLY) {
      for (YearMonth month = YearMonth.from(supply.from()); !month.isAfter(YearMonth.from(supply.to())); month = month.plusMonths(1)) {
        LocalDate from = latest(month.atDay(1), s.startDate(), supply.from());
        LocalDate to = earliest(month.atEndOfMonth(), end, supply.to());
        if (!to.isBefore(from)) {
          charge(s, from, to, month.lengthOfMonth(), charged, vat, language, lines);
        }
      }
    } else {
      for (LocalDate yearStart = s.startDate(); !yearStart.isAfter(supply.to()) && !yearStart.isAfter(end);
          yearStart = yearStart.plusYears(1)) {
        if (yearStart.isBefore(supply.from())) {
          continue;
        }
        LocalDate yearEnd = yearStart.plusYears(1).minusDays(1);
        int yearDays = (int) ChronoUnit.DAYS.between(yearStart, yearEnd) + 1;
        charge(s, yearStart, earliest(yearEnd, end, yearEnd), yearDays, charged, vat, language, lines);
      }
    }
    return lines;
  }

  private static void charge(Subscription s, LocalDate from, LocalDate to, int periodDays, List<Invoice.Supply> charged, VatRate vat,
      Language language, List<InvoiceLine> lines) {
    if (charged.stream().anyMatch(c -> !c.to().isBefore(from) && !c.from().isAfter(to))) {
      return;
    }
    int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
    String text = s.service() + " (" + s.period().label().in(language) + "), " + InvoiceTexts.period(from, to, language);
    if (days < periodDays) {
      text += " (" + days + "/" + periodDays + " " + new LocalizedText("dagen", "days", "Tage").in(language) + ")";
    }
    // The quantity counts the subscription's units (licences, devices) for the period the text names, so
    // its unit is pieces: "12 × 20.60" is twelve licences for one month, not one licence for twelve months.
    lines.add(InvoiceLine.prorated(text, BigDecimal.valueOf(s.quantity()), InvoiceLine.Unit.PIECE, Amount.of(s.unitPrice()), vat,
        days, periodDays,
        new InvoiceLine.Source.SubscriptionCharge(s.id(), from, to)));
  }

  private static String bundleText(HourBundle bundle, Language language) {
    String hours = InvoiceTexts.quantity(BigDecimal.valueOf(bundle.minutesBought()).divide(BigDecimal.valueOf(60), 2,
        java.math.RoundingMode.HALF_UP), language);
    return new LocalizedText("Urenbundel " + hours + " uur, geldig ", "Hour bundle of " + hours + " hours, valid ",
        "Stundenkontingent " + hours + " Std., gültig ").in(language)
        + InvoiceTexts.period(bundle.validFrom(), bundle.validUntil(), language);
  }

  private static LocalDate latest(LocalDate a, LocalDate b, LocalDate c) {
    LocalDate m = a.isAfter(b) ? a : b;
    return m.isAfter(c) ? m : c;
  }

  private static LocalDate earliest(LocalDate a, LocalDate b, LocalDate c) {
    LocalDate m = a.isBefore(b) ? a : b;
    return m.isBefore(c) ? m : c;
  }
}
