package nl.klantportaal.knowledge.search.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.GermanStemmer;

/**
 * Text to index terms for one language: {@link Words} (folded), stop words out, Snowball stems, and for
 * Dutch and German the parts of compounds. A compound is split against a vocabulary of known stems (the
 * index's own terms): "wachtwoordherstel" gives "wachtwoordherstel" and, because "wachtwoord" and
 * "herstel" (from "herstellen") are known, also "wachtwoord" and "herstel". Parts are at least
 * {@value #MIN_PART} letters; Dutch and German linking letters ("s", "e", "en", ...) between them are
 * skipped ("anmeldungsproblem" = "anmeldung" + "problem"). The Snowball classes are used directly, not
 * through Lucene's token streams (no attribute reflection, so the shrunk artefact needs no keep rules).
 * Not thread-safe (the stemmer is stateful): one per thread.
 */
public final class Analyzer {

  static final int MIN_PART = 3;
  private static final int MIN_COMPOUND = 7;
  private static final List<String> NL_LINKS = List.of("", "s", "e", "en");
  private static final List<String> DE_LINKS = List.of("", "s", "es", "n", "en", "e", "er");

  private final SearchLanguage language;
  private final SnowballStemmer stemmer;

  public Analyzer(SearchLanguage language) {
    this.language = language;
    this.stemmer = switch (language) {
      case NL -> new DutchStemmer();
      case EN -> new EnglishStemmer();
      case DE -> new GermanStemmer();
    };
  }

  public SearchLanguage language() {
    return language;
  }

  /** One term per kept word, in order: what the vocabulary of compound parts is built from. */
  public List<String> stems(String text) {
    List<String> stems = new ArrayList<>();
    for (String word : Words.of(text)) {
      if (!StopWords.contains(language, word)) {
        stems.add(stem(word));
      }
    }
    return stems;
  }

  /** The terms of a text: every word's stem, followed, for a compound, by its parts' stems. */
  public List<Term> terms(String text, Set<String> vocabulary) {
    List<Term> terms = new ArrayList<>();
    for (String word : Words.of(text)) {
      if (StopWords.contains(language, word)) {
        continue;
      }
      terms.add(new Term(stem(word), false));
      for (String part : parts(word, vocabulary::contains)) {
        terms.add(new Term(stem(part), true));
      }
    }
    return terms;
  }

  /** The parts of a compound whose stems are all known, longest first part first; empty if none split it. */
  List<String> parts(String word, Predicate<String> knownStem) {
    if (!language.compounds() || word.length() < MIN_COMPOUND) {
      return List.of();
    }
    return split(word, knownStem);
  }

  private List<String> split(String word, Predicate<String> knownStem) {
    for (int end = word.length() - MIN_PART; end >= MIN_PART; end--) {
      String head = word.substring(0, end);
      if (!known(head, knownStem)) {
        continue;
      }
      for (String link : language == SearchLanguage.DE ? DE_LINKS : NL_LINKS) {
        if (!word.startsWith(link, end)) {
          continue;
        }
        String rest = word.substring(end + link.length());
        if (rest.length() < MIN_PART) {
          continue;
        }
        if (known(rest, knownStem)) {
          return List.of(head, rest);
        }
        List<String> restParts = split(rest, knownStem);
        if (!restParts.isEmpty()) {
          List<String> parts = new ArrayList<>(List.of(head));
          parts.addAll(restParts);
          return parts;
        }
      }
    }
    return List.of();
  }

  private boolean known(String part, Predicate<String> knownStem) {
    return part.length() >= MIN_PART && !StopWords.contains(language, part) && knownStem.test(stem(part));
  }

  String stem(String foldedWord) {
    stemmer.setCurrent(foldedWord);
    stemmer.stem();
    return stemmer.getCurrent();
  }

  /** A term, and whether it is a compound's part rather than a word of its own. */
  public record Term(String text, boolean part) {}
}
