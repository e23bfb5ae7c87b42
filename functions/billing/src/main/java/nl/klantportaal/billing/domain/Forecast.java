package nl.klantportaal.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a customer's hours run out at the recent pace (the burn rate), per bundle and overall.
 *
 * <p>Method (docs/billing.md): the pace is the bundle time used (deducted and overflow, reversals
 * netted) over the last {@value #WINDOW_DAYS} days, or since the customer's first bundle began if
 * that is later, divided by the days of that window. Less than {@value #MIN_HISTORY_DAYS} days of
 * window, or use on fewer than {@value #MIN_USE_DAYS} distinct days, is too little history: no date
 * is promised. Otherwise the active bundles are spent in deduction order at that pace from today;
 * a bundle whose end comes first lapses with what is left, and the next one takes over.
 */
public record Forecast(Kind kind, Optional<BigDecimal> minutesPerWeek, Optional<LocalDate> runsOutOn,
                       Map<String, BundleOutlook> bundles) {

  public static final int WINDOW_DAYS = 56;
  public static final int MIN_HISTORY_DAYS = 14;
  public static final int MIN_USE_DAYS = 3;

  public enum Kind {
    /** At this pace the hours run out on {@link #runsOutOn}. */
    RUNS_OUT,
    /** At this pace the hours outlast the bundles' validity: some will lapse unused. */
    OUTLASTS_VALIDITY,
    /** Too little history for a pace (a young bundle, or use on too few days). */
    NOT_ENOUGH_HISTORY,
    /** No bundle time was used in the window: nothing runs out at this pace. */
    NO_RECENT_USE,
    /** No active hours left. */
    NOTHING_LEFT
  }

  /** One bundle at the pace: the day it is used up, or the minutes it would leave unused at its end. */
  public record BundleOutlook(Optional<LocalDate> usedUpOn, int minutesLeftAtEnd) {}

  /** One day's net bundle use (minutes deducted plus overflow, reversals subtracted). */
  public record DailyUse(LocalDate date, int minutes) {}

  public static Forecast of(List<HourBundle> bundles, List<DailyUse> use, LocalDate today) {
    List<HourBundle> active = bundles.stream()
        .filter(b -> b.status(today) == BundleStatus.ACTIVE).sorted(Allocation.DEDUCTION_ORDER).toList();
    if (active.isEmpty()) {
      return new Forecast(Kind.NOTHING_LEFT, Optional.empty(), Optional.empty(), Map.of());
    }
    LocalDate firstStart = bundles.stream().filter(b -> b.state() != HourBundle.State.PENDING)
        .map(HourBundle::validFrom).min(LocalDate::compareTo).orElse(today);
    LocalDate windowStart = today.minusDays(WINDOW_DAYS);
    if (firstStart.isAfter(windowStart)) {
      windowStart = firstStart;
    }
    long windowDays = ChronoUnit.DAYS.between(windowStart, today);
    final LocalDate from = windowStart;
    List<DailyUse> inWindow = use.stream().filter(u -> !u.date().isBefore(from) && u.date().isBefore(today)).toList();
    long useDays = inWindow.stream().filter(u -> u.minutes() > 0).map(DailyUse::date).distinct().count();
    if (windowDays < MIN_HISTORY_DAYS || useDays < MIN_USE_DAYS) {
      return new Forecast(Kind.NOT_ENOUGH_HISTORY, Optional.empty(), Optional.empty(), Map.of());
    }
    long used = inWindow.stream().mapToLong(DailyUse::minutes).sum();
    if (used <= 0) {
      return new Forecast(Kind.NO_RECENT_USE, Optional.of(BigDecimal.ZERO), Optional.empty(), Map.of());
    }
    BigDecimal perDay = BigDecimal.valueOf(used).divide(BigDecimal.valueOf(windowDays), 6, RoundingMode.HALF_UP);
    BigDecimal perWeek = perDay.multiply(BigDecimal.valueOf(7)).setScale(0, RoundingMode.HALF_UP);

    Map<String, BundleOutlook> outlook = new LinkedHashMap<>();
    BigDecimal clock = BigDecimal.ZERO; // days from today at which the previous bundle was used up
    for (HourBundle bundle : active) {
      BigDecimal start = clock.max(BigDecimal.valueOf(Math.max(0, ChronoUnit.DAYS.between(today, bundle.validFrom()))));
      BigDecimal daysToUse = BigDecimal.valueOf(bundle.remainingMinutes()).divide(perDay, 6, RoundingMode.HALF_UP);
      BigDecimal end = start.add(daysToUse);
      long daysToExpiry = ChronoUnit.DAYS.between(today, bundle.validUntil()) + 1; // usable through its last day
      if (end.compareTo(BigDecimal.valueOf(daysToExpiry)) <= 0) {
        LocalDate usedUp = today.plusDays(end.setScale(0, RoundingMode.CEILING).longValueExact());
        outlook.put(bundle.id(), new BundleOutlook(Optional.of(usedUp), 0));
        clock = end;
      } else {
        BigDecimal usable = BigDecimal.valueOf(daysToExpiry).subtract(start).max(BigDecimal.ZERO).multiply(perDay);
        int left = BigDecimal.valueOf(bundle.remainingMinutes()).subtract(usable).setScale(0, RoundingMode.HALF_UP).intValueExact();
        outlook.put(bundle.id(), new BundleOutlook(Optional.empty(), Math.max(0, left)));
        clock = clock.max(BigDecimal.valueOf(daysToExpiry));
      }
    }
    // The hours run out when the last bundle in deduction order is used up (earlier ones may lapse).
    BundleOutlook last = new ArrayList<>(outlook.values()).getLast();
    if (last.usedUpOn().isPresent()) {
      return new Forecast(Kind.RUNS_OUT, Optional.of(perWeek), last.usedUpOn(), outlook);
    }
    return new Forecast(Kind.OUTLASTS_VALIDITY, Optional.of(perWeek), Optional.empty(), outlook);
  }
}
