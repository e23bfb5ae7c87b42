package nl.klantportaal.billing.usecase;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.klantportaal.billing.domain.BillingSettings;
import nl.klantportaal.billing.domain.BundleStatus;
import nl.klantportaal.billing.domain.Forecast;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.billing.domain.InvoiceStatus;
import nl.klantportaal.billing.domain.Money;
import nl.klantportaal.billing.domain.RegistrationType;
import nl.klantportaal.billing.domain.TimeEntry;
import nl.klantportaal.billing.port.BillingSettingsRepository;
import nl.klantportaal.billing.port.BundleRepository;
import nl.klantportaal.billing.port.TimeLedger;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.LocalizedText;

/** What customers (and staff, for any customer) see of the hours: the bundles with their meters and forecast, and the registrations. */
public final class ViewHours {
  private final BundleRepository bundles;
  private final TimeLedger ledger;
  private final BillingSettingsRepository settings;
  private final Clock clock;

  public ViewHours(BundleRepository bundles, TimeLedger ledger, BillingSettingsRepository settings, Clock clock) {
    this.bundles = bundles;
    this.ledger = ledger;
    this.settings = settings;
    this.clock = clock;
  }

  public HoursOverview overview(TenantId tenant, Language language) {
    LocalDate today = BillingDates.today(clock);
    List<HourBundle> all = bundles.list(tenant);
    List<TimeEntry> recent = ledger.entries(tenant, new TimeLedger.Period(today.minusDays(Forecast.WINDOW_DAYS), today),
        Optional.empty(), Optional.empty());
    Forecast forecast = Forecast.of(all, dailyUse(recent), today);
    int overBudget = recent.stream().filter(e -> e.overflow() && e.status() instanceof InvoiceStatus.ToInvoice)
        .mapToInt(TimeEntry::minutes).sum();
    Comparator<HourBundle> order = Comparator.comparing((HourBundle b) -> rank(b.status(today)))
        .thenComparing(HourBundle::validUntil).thenComparing(HourBundle::id);
    List<BundleView> views = all.stream().sorted(order)
        .map(b -> BundleView.of(b, today, language, Optional.ofNullable(forecast.bundles().get(b.id())))).toList();
    int remaining = all.stream().filter(b -> b.status(today) == BundleStatus.ACTIVE).mapToInt(HourBundle::remainingMinutes).sum();
    return new HoursOverview(views, remaining, Math.max(0, overBudget), forecastView(forecast, language));
  }

  /** One bundle and the ledger lines booked on it (reversals included), for its detail page. */
  public BundleDetail bundle(TenantId tenant, String bundleId, Language language, boolean staff) {
    if (bundleId == null || !bundleId.matches(ManageBundles.BUNDLE_ID)) {
      throw new DomainException.NotFound("Hour bundle"); // an impossible id is a bundle that does not exist
    }
    HourBundle bundle = bundles.find(tenant, bundleId).orElseThrow(() -> new DomainException.NotFound("Hour bundle"));
    LocalDate today = BillingDates.today(clock);
    List<EntryView> lines = ledger.bundleEntries(tenant, bundleId).stream().map(e -> EntryView.of(e, language, staff)).toList();
    return new BundleDetail(BundleView.of(bundle, today, language, Optional.empty()), lines);
  }

  public record BundleDetail(BundleView bundle, List<EntryView> entries) {}

  public EntryList entries(TenantId tenant, EntryFilter filter, Language language, boolean staff) {
    EntryFilter.Valid valid = filter.validate(BillingDates.today(clock));
    List<TimeEntry> lines = ledger.entries(tenant, valid.period(), valid.type(), valid.ticket());
    BillingSettings agreement = settings.load(tenant);
    Map<String, Integer> byType = new LinkedHashMap<>();
    for (RegistrationType type : RegistrationType.values()) {
      byType.put(type.wireName(), 0);
    }
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    for (String status : List.of("to-invoice", "invoiced", "bundle", "service")) {
      byStatus.put(status, 0);
    }
    BigDecimal value = BigDecimal.ZERO.setScale(2);
    int unpriced = 0;
    // Ad-hoc billable value per registration line, at the rate in force on its date; reversals net out per rate.
    Map<Money, Integer> billableByRate = new LinkedHashMap<>();
    for (TimeEntry line : lines) {
      byType.merge(line.type().wireName(), line.minutes(), Integer::sum);
      byStatus.merge(line.status().wireName(), line.minutes(), Integer::sum);
      if (line.type() == RegistrationType.AD_HOC_BILLABLE) {
        Optional<Money> rate = agreement.rateOn(RegistrationType.AD_HOC_BILLABLE, line.date());
        if (rate.isPresent()) {
          billableByRate.merge(rate.get(), line.minutes(), Integer::sum);
        } else {
          unpriced += line.minutes();
        }
      }
    }
    for (Map.Entry<Money, Integer> e : billableByRate.entrySet()) {
      if (e.getValue() > 0) {
        value = value.add(e.getKey().valueOfMinutes(e.getValue()));
      }
    }
    int total = lines.stream().mapToInt(TimeEntry::minutes).sum();
    return new EntryList(valid.period().from().toString(), valid.period().to().toString(),
        lines.stream().map(e -> EntryView.of(e, language, staff)).toList(),
        new EntryList.Totals(total, byType, byStatus, value.toPlainString(), Math.max(0, unpriced)));
  }

  static List<Forecast.DailyUse> dailyUse(List<TimeEntry> lines) {
    return lines.stream()
        .filter(e -> e.type() == RegistrationType.BUNDLE || e.overflow())
        .collect(Collectors.groupingBy(TimeEntry::date, Collectors.summingInt(TimeEntry::minutes)))
        .entrySet().stream().map(e -> new Forecast.DailyUse(e.getKey(), e.getValue())).toList();
  }

  private static int rank(BundleStatus status) {
    return switch (status) {
      case ACTIVE -> 0;
      case PENDING -> 1;
      case USED_UP -> 2;
      case EXPIRED -> 3;
      case CANCELLED -> 4;
    };
  }

  static HoursOverview.ForecastView forecastView(Forecast forecast, Language language) {
    Optional<Integer> perWeek = forecast.minutesPerWeek().map(java.math.BigDecimal::intValue);
    Optional<String> date = forecast.runsOutOn().map(LocalDate::toString);
    String when = forecast.runsOutOn().map(d -> d.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(java.util.Locale.forLanguageTag(language.tag())))).orElse("");
    LocalizedText text = switch (forecast.kind()) {
      case RUNS_OUT -> new LocalizedText("In dit tempo zijn uw uren rond " + when + " op.",
          "At this pace your hours run out around " + when + ".", "In diesem Tempo sind Ihre Stunden etwa am " + when + " aufgebraucht.");
      case OUTLASTS_VALIDITY -> new LocalizedText("In dit tempo verlopen er uren voordat ze gebruikt zijn.",
          "At this pace some hours expire before they are used.", "In diesem Tempo verfallen Stunden, bevor sie genutzt werden.");
      case NOT_ENOUGH_HISTORY -> new LocalizedText("Nog te weinig verbruik voor een voorspelling.",
          "Not enough use yet for a forecast.", "Noch zu wenig Verbrauch für eine Prognose.");
      case NO_RECENT_USE -> new LocalizedText("Geen verbruik in de afgelopen acht weken.",
          "No hours used in the last eight weeks.", "Kein Verbrauch in den letzten acht Wochen.");
      case NOTHING_LEFT -> new LocalizedText("Er zijn geen actieve uren.", "There are no active hours.",
          "Es gibt keine aktiven Stunden.");
    };
    return new HoursOverview.ForecastView(forecast.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
        perWeek, date, text.in(language));
  }
}
