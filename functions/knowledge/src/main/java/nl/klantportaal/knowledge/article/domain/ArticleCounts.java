package nl.klantportaal.knowledge.article.domain;

/** An article's counters: reads and "was this helpful?" answers, each counted once per visitor per day. */
public record ArticleCounts(long reads, long helpfulYes, long helpfulNo) {
  public static final ArticleCounts NONE = new ArticleCounts(0, 0, 0);

  public ArticleCounts {
    if (reads < 0 || helpfulYes < 0 || helpfulNo < 0) {
      throw new IllegalArgumentException("Counts are never negative");
    }
  }

  public ReaderBand band() {
    return ReaderBand.of(reads);
  }
}
