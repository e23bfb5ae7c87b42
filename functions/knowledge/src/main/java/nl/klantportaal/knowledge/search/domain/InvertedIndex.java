package nl.klantportaal.knowledge.search.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One language's search index: terms → postings (term frequency per field), field lengths, and what a hit
 * shows. Ranked by BM25F: each field's frequency is normalised by its length and weighted ({@link Field}),
 * then saturated once per term. Immutable; built whole from the published documents of one language.
 */
public final class InvertedIndex {

  static final double K1 = 1.2;
  static final double B = 0.75;
  /** The weight of a query's compound part when the compound itself is a known term too. */
  static final double PART_WEIGHT = 0.5;

  private final SearchLanguage language;
  private final List<IndexedArticle> articles;
  private final Map<String, List<Posting>> postings;
  private final double[] averageLengths;

  InvertedIndex(SearchLanguage language, List<IndexedArticle> articles, Map<String, List<Posting>> postings) {
    this.language = language;
    this.articles = List.copyOf(articles);
    this.postings = Map.copyOf(postings);
    this.averageLengths = new double[Field.values().length];
    for (IndexedArticle article : articles) {
      for (int f = 0; f < averageLengths.length; f++) {
        averageLengths[f] += article.lengths()[f] / (double) articles.size();
      }
    }
  }

  public static InvertedIndex build(SearchLanguage language, Collection<SearchDocument> documents) {
    Analyzer analyzer = new Analyzer(language);
    Set<String> vocabulary = new HashSet<>();
    for (SearchDocument document : documents) {
      for (Field field : Field.values()) {
        vocabulary.addAll(analyzer.stems(field.of(document)));
      }
    }
    List<IndexedArticle> articles = new ArrayList<>();
    Map<String, List<Posting>> postings = new HashMap<>();
    for (SearchDocument document : documents) {
      if (document.language() != language) {
        throw new IllegalArgumentException("a " + document.language() + " document in the " + language + " index");
      }
      int position = articles.size();
      int[] lengths = new int[Field.values().length];
      Map<String, int[]> frequencies = new LinkedHashMap<>();
      for (Field field : Field.values()) {
        List<Analyzer.Term> terms = analyzer.terms(field.of(document), vocabulary);
        lengths[field.ordinal()] = (int) terms.stream().filter(t -> !t.part()).count();
        for (Analyzer.Term term : terms) {
          frequencies.computeIfAbsent(term.text(), t -> new int[Field.values().length])[field.ordinal()]++;
        }
      }
      frequencies.forEach((term, counts) -> postings.computeIfAbsent(term, t -> new ArrayList<>()).add(new Posting(position, counts)));
      articles.add(new IndexedArticle(document.articleId(), document.slug(), document.title(), document.summary(),
          document.categoryId(), document.visibility(), document.customerId(), lengths));
    }
    return new InvertedIndex(language, articles, postings);
  }

  public SearchLanguage language() {
    return language;
  }

  public int size() {
    return articles.size();
  }

  public Set<String> vocabulary() {
    return postings.keySet();
  }

  /** The best hits the scope may read, best first; empty for a query without a known term. */
  public List<SearchHit> search(String query, ReaderScope scope, int limit) {
    Map<String, Double> weights = queryWeights(query);
    double[] scores = new double[articles.size()];
    weights.forEach((term, weight) -> {
      List<Posting> list = postings.getOrDefault(term, List.of());
      double idf = Math.log(1 + (articles.size() - list.size() + 0.5) / (list.size() + 0.5));
      for (Posting posting : list) {
        double tf = weightedFrequency(posting);
        scores[posting.article()] += weight * idf * tf * (K1 + 1) / (K1 + tf);
      }
    });
    List<SearchHit> hits = new ArrayList<>();
    for (int a = 0; a < scores.length; a++) {
      IndexedArticle article = articles.get(a);
      if (scores[a] > 0 && scope.mayRead(article.visibility(), article.customerId())) {
        hits.add(new SearchHit(article.articleId(), article.slug(), article.title(), article.summary(),
            article.categoryId(), scores[a]));
      }
    }
    hits.sort(Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(SearchHit::slug));
    return List.copyOf(hits.subList(0, Math.min(limit, hits.size())));
  }

  private Map<String, Double> queryWeights(String query) {
    Map<String, Double> weights = new LinkedHashMap<>();
    boolean wholeKnown = false;
    for (Analyzer.Term term : new Analyzer(language).queryTerms(query, vocabulary())) {
      double weight;
      if (term.part()) {
        weight = wholeKnown ? PART_WEIGHT : 1.0;
      } else {
        wholeKnown = postings.containsKey(term.text());
        weight = 1.0;
      }
      weights.merge(term.text(), weight, Math::max);
    }
    return weights;
  }

  private double weightedFrequency(Posting posting) {
    int[] lengths = articles.get(posting.article()).lengths();
    double sum = 0;
    for (Field field : Field.values()) {
      int f = field.ordinal();
      if (posting.frequencies()[f] > 0) {
        double norm = 1 - B + B * (averageLengths[f] == 0 ? 1 : lengths[f] / averageLengths[f]);
        sum += field.weight() * posting.frequencies()[f] / norm;
      }
    }
    return sum;
  }

  List<IndexedArticle> articles() {
    return articles;
  }

  Map<String, List<Posting>> postings() {
    return postings;
  }
}
