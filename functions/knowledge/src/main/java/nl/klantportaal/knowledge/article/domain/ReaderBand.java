package nl.klantportaal.knowledge.article.domain;

import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.LocalizedText;
import nl.klantportaal.core.shared.domain.WireEnum;

/**
 * How many people read an article, shown as a band rather than a number (the seed's "Weinig lezers",
 * "Enkele lezers"). Reads are counted once per visitor per day, over the article's whole life:
 * fewer than 50 is few, 50 to 249 some, 250 to 999 many, 1,000 or more popular.
 */
public enum ReaderBand implements WireEnum {
  FEW("few", 0, new LocalizedText("Weinig lezers", "Few readers", "Wenige Leser")),
  SOME("some", 50, new LocalizedText("Enkele lezers", "Some readers", "Einige Leser")),
  MANY("many", 250, new LocalizedText("Veel lezers", "Many readers", "Viele Leser")),
  POPULAR("popular", 1000, new LocalizedText("Populair", "Popular", "Beliebt"));

  private final String wireName;
  private final long from;
  private final LocalizedText label;

  ReaderBand(String wireName, long from, LocalizedText label) {
    this.wireName = wireName;
    this.from = from;
    this.label = label;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** The fewest reads of this band. */
  public long from() {
    return from;
  }

  public String label(Language language) {
    return label.in(language);
  }

  public static ReaderBand of(long reads) {
    ReaderBand band = FEW;
    for (ReaderBand candidate : values()) {
      if (reads >= candidate.from) {
        band = candidate;
      }
    }
    return band;
  }
}
