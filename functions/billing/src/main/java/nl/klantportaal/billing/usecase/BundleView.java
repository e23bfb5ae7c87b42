package nl.klantportaal.billing.usecase;

import java.time.LocalDate;
import java.util.Optional;
import nl.klantportaal.billing.domain.Forecast;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.core.shared.domain.Language;

/**
 * A bundle as its meter shows it: remaining first, then used and bought, what rolled in from the
 * previous bundle and, once expired, what lapsed or rolled on (never a negative number),
 * its status today, validity, price, the request it was ordered with, and its forecast outlook.
 */
public record BundleView(
    String id,
    String status,
    String statusLabel,
    int minutesRemaining,
    int minutesUsed,
    int minutesBought,
    int minutesRolledIn,
    int minutesLapsed,
    int minutesRolledOut,
    Optional<String> rolledOutTo,
    int percentUsed,
    String validFrom,
    String validUntil,
    String price,
    Optional<Long> requestTicket,
    Optional<String> forecastUsedUpOn,
    Optional<Integer> forecastMinutesLeftAtEnd) {

  public static BundleView of(HourBundle b, LocalDate today, Language language, Optional<Forecast.BundleOutlook> outlook) {
    int percent = (int) Math.min(100, Math.round(100.0 * b.usedMinutes() / b.capacity()));
    var status = b.status(today);
    return new BundleView(b.id(), status.wireName(), status.label().in(language), b.remainingMinutes(), b.usedMinutes(),
        b.minutesBought(), b.carry().rolledInMinutes(), b.carry().lapsedMinutes(), b.carry().rolledOutMinutes(),
        b.carry().rolledOutTo(), percent, b.validFrom().toString(), b.validUntil().toString(), b.price().toString(),
        b.requestTicket(), outlook.flatMap(Forecast.BundleOutlook::usedUpOn).map(LocalDate::toString),
        outlook.filter(o -> o.usedUpOn().isEmpty()).map(Forecast.BundleOutlook::minutesLeftAtEnd));
  }
}
