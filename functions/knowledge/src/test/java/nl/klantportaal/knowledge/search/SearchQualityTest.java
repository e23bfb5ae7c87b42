package nl.klantportaal.knowledge.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.klantportaal.knowledge.search.domain.InvertedIndex;
import nl.klantportaal.knowledge.search.domain.ReaderScope;
import nl.klantportaal.knowledge.search.domain.SearchHit;
import nl.klantportaal.knowledge.search.domain.SearchLanguage;
import org.junit.jupiter.api.Test;

/**
 * The search-quality table of docs/knowledge.md: every query over the demo corpus, its top 3, and the
 * share of expected hits found there. Prints the table; fails below 90 %.
 */
class SearchQualityTest {

  private static final double REQUIRED_SHARE = 0.90;

  record Query(SearchLanguage language, String text, List<String> expected) {}

  @Test
  void atLeastNinetyPercentOfTheExpectedHitsAreInTheTopThree() throws IOException {
    Map<SearchLanguage, InvertedIndex> indexes = new EnumMap<>(SearchLanguage.class);
    for (SearchLanguage language : SearchLanguage.values()) {
      indexes.put(language, InvertedIndex.build(language, DemoCorpus.documents(language)));
    }
    int expected = 0;
    int found = 0;
    StringBuilder table = new StringBuilder("| lang | query | top 3 | expected: hit or miss |\n|---|---|---|---|\n");
    for (Query query : queries()) {
      List<String> top = indexes.get(query.language()).search(query.text(), new ReaderScope.Staff(), 3).stream()
          .map(SearchHit::slug).toList();
      List<String> verdicts = new ArrayList<>();
      for (String slug : query.expected()) {
        expected++;
        boolean hit = top.contains(slug);
        found += hit ? 1 : 0;
        verdicts.add(slug + (hit ? " HIT" : " MISS"));
      }
      table.append("| ").append(query.language().code()).append(" | ").append(query.text()).append(" | ")
          .append(String.join(", ", top)).append(" | ").append(String.join(", ", verdicts)).append(" |\n");
    }
    double share = found / (double) expected;
    table.append(String.format("%nfound %d of %d expected hits in the top 3: %.1f %%%n", found, expected, share * 100));
    System.out.println(table);
    assertTrue(share >= REQUIRED_SHARE, String.format("%.1f %% of the expected hits in the top 3, below 90 %%", share * 100));
  }

  static List<Query> queries() throws IOException {
    String tsv;
    try (var in = Objects.requireNonNull(SearchQualityTest.class.getResourceAsStream("/search/quality-queries.tsv"))) {
      tsv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Query> queries = new ArrayList<>();
    for (String line : tsv.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t");
      queries.add(new Query(SearchLanguage.fromCode(cells[0]).orElseThrow(), cells[1], List.of(cells[2].split(","))));
    }
    return queries;
  }
}
