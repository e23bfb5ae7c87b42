package nl.klantportaal.knowledge.search.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * skipped ("anmeldungsproblem" = "anmeldung" + "problem"), and a part is split again where it can be
 * ("zurücksetzung" = "zurück" + "setzung", so a separable verb's "setzen Sie es zurück" is found). German
 * participles also give their verb ("freigegebenes" → "freigeben"). The Snowball classes are used directly, not
 * through Lucene's token streams (no attribute reflection, so the shrunk artefact needs no keep rules).
 * Not thread-safe (the stemmer is stateful): one per thread.
 */
public final class Analyzer {

  static final int MIN_PART = 3;
  private static final int MIN_COMPOUND = 7;
  private static final List<String> NL_LINKS = List.of("", "s", "e", "en");
  private static final int MIN_VERB = 5;
  private static final List<String> SEPARABLE_PREFIXES = List.of(
      "", "ab", "an", "auf", "aus", "ein", "frei", "her", "hin", "mit", "nach", "um", "vor", "weg", "zu", "zuruck");
  private static final List<String> DE_DERIVATIONS = List.of("ungen", "ung");
  private static final List<String> NL_DERIVATIONS = List.of("ingen", "ing");
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
      for (Part part : parts(word, vocabulary::contains)) {
        terms.add(new Term(part.stem(), true));
        for (Part finer : parts(part.surface(), vocabulary::contains)) {
          terms.add(new Term(finer.stem(), true));
        }
      }
      participle(word, vocabulary::contains).ifPresent(verb -> terms.add(new Term(verb, true)));
    }
    return terms;
  }

  /**
   * German participles keep their verb's stem apart ("freigegeben" from "freigeben", "gespeichert" from
   * "speichern"): the stem of the word without its "ge" (after a separable prefix, if any), when known.
   */
  Optional<String> participle(String word, Predicate<String> knownStem) {
    if (language != SearchLanguage.DE) {
      return Optional.empty();
    }
    for (String prefix : SEPARABLE_PREFIXES) {
      int at = prefix.length();
      if (word.startsWith(prefix) && word.startsWith("ge", at) && word.length() - 2 >= MIN_VERB + at) {
        Optional<String> verb = knownStem(prefix + word.substring(at + 2), knownStem);
        if (verb.isPresent() && !verb.get().equals(stem(word))) {
          return verb;
        }
      }
    }
    return Optional.empty();
  }

  /** The parts of a compound whose stems are all known, longest first part first; empty if none split it. */
  List<Part> parts(String word, Predicate<String> knownStem) {
    if (!language.compounds() || word.length() < MIN_COMPOUND) {
      return List.of();
    }
    return split(word, knownStem);
  }

  private List<Part> split(String word, Predicate<String> knownStem) {
    for (int end = word.length() - MIN_PART; end >= MIN_PART; end--) {
      String head = word.substring(0, end);
      Optional<String> headStem = knownStem(head, knownStem);
      if (headStem.isEmpty()) {
        continue;
      }
      for (String link : language == SearchLanguage.DE ? DE_LINKS : NL_LINKS) {
        if (!word.startsWith(link, end)) {
          continue;
        }
        String rest = word.substring(end + link.length());
        Optional<String> restStem = knownStem(rest, knownStem);
        if (restStem.isPresent()) {
          return List.of(new Part(head, headStem.get()), new Part(rest, restStem.get()));
        }
        List<Part> restParts = rest.length() >= MIN_PART ? split(rest, knownStem) : List.of();
        if (!restParts.isEmpty()) {
          List<Part> parts = new ArrayList<>(List.of(new Part(head, headStem.get())));
          parts.addAll(restParts);
          return parts;
        }
      }
    }
    return List.of();
  }

  /**
   * The known stem of a compound's part: its own stem, or that of the part without a derivational ending
   * ("setzung" is too short for Snowball to take "ung" off, but "setz" is the stem of "setzen").
   */
  private Optional<String> knownStem(String part, Predicate<String> knownStem) {
    if (part.length() < MIN_PART || StopWords.contains(language, part)) {
      return Optional.empty();
    }
    String stem = stem(part);
    if (knownStem.test(stem)) {
      return Optional.of(stem);
    }
    for (String ending : language == SearchLanguage.DE ? DE_DERIVATIONS : NL_DERIVATIONS) {
      if (part.endsWith(ending) && part.length() - ending.length() > MIN_PART) {
        String shorter = stem(part.substring(0, part.length() - ending.length()));
        if (knownStem.test(shorter)) {
          return Optional.of(shorter);
        }
      }
    }
    return Optional.empty();
  }

  String stem(String foldedWord) {
    stemmer.setCurrent(foldedWord);
    stemmer.stem();
    String stem = stemmer.getCurrent();
    return language == SearchLanguage.NL ? undoubled(stem) : stem;
  }

  /**
   * Dutch stems keep a doubled final consonant that the word without its ending does not have ("herstellen"
   * gives "herstell", "herstel" gives "herstel"); one of the two goes, so both meet.
   */
  private static String undoubled(String stem) {
    int n = stem.length();
    if (n > 3 && stem.charAt(n - 1) == stem.charAt(n - 2) && "bcdfgklmnprstvz".indexOf(stem.charAt(n - 1)) >= 0) {
      return stem.substring(0, n - 1);
    }
    return stem;
  }

  /** A compound's part as written, and its known stem. */
  record Part(String surface, String stem) {}

  /** A term, and whether it is a compound's part rather than a word of its own. */
  public record Term(String text, boolean part) {}
}
