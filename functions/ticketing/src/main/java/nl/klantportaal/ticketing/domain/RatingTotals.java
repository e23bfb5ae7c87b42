package nl.klantportaal.ticketing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** A customer's ratings of one month: how many, and how many of each score (index 0 is score 1). */
public record RatingTotals(YearMonth month, List<Integer> perScore) {
  public RatingTotals {
    perScore = List.copyOf(perScore);
    if (perScore.size() != TicketRating.MAX || perScore.stream().anyMatch(n -> n < 0)) {
      throw new IllegalArgumentException("Rating totals hold a non-negative count for each score 1 to 5");
    }
  }

  public static RatingTotals none(YearMonth month) {
    return new RatingTotals(month, List.of(0, 0, 0, 0, 0));
  }

  public int count() {
    return perScore.stream().mapToInt(Integer::intValue).sum();
  }

  /** The mean score to two decimals, or empty without ratings. */
  public Optional<BigDecimal> average() {
    int count = count();
    if (count == 0) {
      return Optional.empty();
    }
    int sum = 0;
    for (int score = 1; score <= perScore.size(); score++) {
      sum += score * perScore.get(score - 1);
    }
    return Optional.of(BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP));
  }
}
