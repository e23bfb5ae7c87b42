package nl.klantportaal.billing.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How one registration's minutes are booked: parts on bundles, in order of earliest end date (then
 * earliest start, then id), and what no bundle covers as an ad-hoc billable overflow part.
 */
public record Allocation(List<Part> parts) {

  /** Minutes booked on one bundle ({@code bundleId} present) or as overflow / ad-hoc (absent). */
  public record Part(Optional<String> bundleId, int minutes, RegistrationType type, InvoiceStatus status, boolean overflow) {
    public Part {
      if (minutes <= 0) {
        throw new IllegalArgumentException("A part books a positive number of minutes");
      }
    }
  }

  public Allocation {
    parts = List.copyOf(parts);
  }

  public static final Comparator<HourBundle> DEDUCTION_ORDER = Comparator.comparing(HourBundle::validUntil)
      .thenComparing(HourBundle::validFrom).thenComparing(HourBundle::id);

  /**
   * Books {@code minutes} of {@code type} worked on {@code date}: bundle time from the bundles that
   * cover that date; ad-hoc time as one part of its own. {@code bundles} may hold any bundles of the
   * customer; only those that cover the date are used.
   */
  public static Allocation plan(RegistrationType type, int minutes, LocalDate date, List<HourBundle> bundles) {
    return switch (type) {
      case AD_HOC_SERVICE -> new Allocation(List.of(new Part(Optional.empty(), minutes, type, new InvoiceStatus.Service(), false)));
      case AD_HOC_BILLABLE -> new Allocation(List.of(new Part(Optional.empty(), minutes, type, new InvoiceStatus.ToInvoice(), false)));
      case BUNDLE -> {
        List<Part> parts = new ArrayList<>();
        int left = minutes;
        for (HourBundle bundle : bundles.stream().filter(b -> b.covers(date)).sorted(DEDUCTION_ORDER).toList()) {
          if (left == 0) {
            break;
          }
          int take = Math.min(left, bundle.remainingMinutes());
          parts.add(new Part(Optional.of(bundle.id()), take, RegistrationType.BUNDLE, new InvoiceStatus.InBundle(bundle.id()), false));
          left -= take;
        }
        if (left > 0) {
          parts.add(new Part(Optional.empty(), left, RegistrationType.AD_HOC_BILLABLE, new InvoiceStatus.ToInvoice(), true));
        }
        yield new Allocation(parts);
      }
    };
  }

  public int minutes() {
    return parts.stream().mapToInt(Part::minutes).sum();
  }

  public int overflowMinutes() {
    return parts.stream().filter(Part::overflow).mapToInt(Part::minutes).sum();
  }

  /** Minutes this allocation takes from {@code bundleId}. */
  public int minutesFrom(String bundleId) {
    return parts.stream().filter(p -> p.bundleId().equals(Optional.of(bundleId))).mapToInt(Part::minutes).sum();
  }
}
