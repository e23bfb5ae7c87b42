package nl.klantportaal.knowledge.article.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import nl.klantportaal.core.shared.domain.Language;
import org.junit.jupiter.api.Test;

/** The bands' thresholds (docs/knowledge.md) and the seed's words in three languages. */
class ReaderBandTest {

  @Test
  void readsFallIntoBandsAtFiftyTwoHundredFiftyAndAThousand() {
    assertEquals(ReaderBand.FEW, ReaderBand.of(0));
    assertEquals(ReaderBand.FEW, ReaderBand.of(49));
    assertEquals(ReaderBand.SOME, ReaderBand.of(50));
    assertEquals(ReaderBand.SOME, ReaderBand.of(249));
    assertEquals(ReaderBand.MANY, ReaderBand.of(250));
    assertEquals(ReaderBand.MANY, ReaderBand.of(999));
    assertEquals(ReaderBand.POPULAR, ReaderBand.of(1000));
    assertEquals(ReaderBand.POPULAR, ReaderBand.of(Long.MAX_VALUE));
  }

  @Test
  void theSeedsWordsAreTheFirstTwoBandsInDutchWithEnglishAndGerman() {
    assertEquals("Weinig lezers", ReaderBand.FEW.label(Language.NL));
    assertEquals("Enkele lezers", ReaderBand.SOME.label(Language.NL));
    assertEquals("Few readers", ReaderBand.FEW.label(Language.EN));
    assertEquals("Einige Leser", ReaderBand.SOME.label(Language.DE));
    assertEquals("few", new ArticleCounts(3, 1, 0).band().wireName());
  }
}
