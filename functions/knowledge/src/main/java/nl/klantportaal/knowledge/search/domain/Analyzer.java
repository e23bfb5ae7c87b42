package nl.klantportaal.knowledge.search.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * participles also give their verb ("freigegebenes" → "freigeben"), and so do Dutch verb forms in -t and weak
 * participles ("werkt" → "werken", "gedeelde" → "delen") and, in every language, the strong and irregular forms
 * of {@link IrregularVerbs} ("afgesloten" → "afsluiten", "abgelaufen" → "ablaufen", "sent" → "send"); in a
 * query, a few synonyms give each other ("Kennwort" and "Passwort"). The Snowball classes are used directly, not
 * through Lucene's token streams (no attribute reflection, so the shrunk artefact needs no keep rules).
 * Not thread-safe (the stemmer is stateful): one per thread.
 */
public final class Analyzer {

  static final int MIN_PART = 3;
  private static final int MIN_COMPOUND = 7;
  private static final List<String> NL_LINKS = List.of("", "s", "e", "en");
  private static final int MIN_VERB = 5;
  private static final List<String> SEPARABLE_PREFIXES = IrregularVerbs.DE_SEPARABLE;
  private static final List<String> DE_DERIVATIONS = List.of("ungen", "ung");
  private static final List<String> NL_DERIVATIONS = List.of("ingen", "ing");
  private static final List<String> DE_LINKS = List.of("", "s", "es", "n", "en", "e", "er");

  /**
   * Words that name the same thing in a helpdesk's articles and its customers' questions, per language, folded:
   * in a query each gives the others as terms (weighed as a compound's parts), so "Kennwort" finds "Passwort".
   * Kept short on purpose: only words that are the same thing in every IT article, never merely related ones.
   */
  private static final Map<SearchLanguage, List<List<String>>> SYNONYMS = Map.of(
      SearchLanguage.NL, List.of(List.of("wachtwoord", "paswoord"), List.of("inloggen", "aanmelden"),
          List.of("uitloggen", "afmelden"), List.of("email", "mail"), List.of("laptop", "notebook"),
          List.of("wifi", "wlan"), List.of("medewerker", "collega", "werknemer")),
      SearchLanguage.EN, List.of(List.of("email", "mail"), List.of("laptop", "notebook"), List.of("wifi", "wlan"),
          List.of("login", "signin", "logon"), List.of("employee", "colleague", "coworker")),
      SearchLanguage.DE, List.of(List.of("passwort", "kennwort"), List.of("anmelden", "einloggen"),
          List.of("abmelden", "ausloggen"), List.of("email", "mail"), List.of("laptop", "notebook"),
          List.of("wlan", "wifi"), List.of("drucker", "printer"),
          List.of("mitarbeiter", "mitarbeiterin", "kollege", "kollegin")));

  private final SearchLanguage language;
  private final SnowballStemmer stemmer;
  private final IrregularVerbs irregular;
  /** A stem → the stems of its synonyms. */
  private final Map<String, List<String>> synonyms;

  public Analyzer(SearchLanguage language) {
    this.language = language;
    this.stemmer = switch (language) {
      case NL -> new DutchStemmer();
      case EN -> new EnglishStemmer();
      case DE -> new GermanStemmer();
    };
    this.irregular = IrregularVerbs.of(language);
    Map<String, List<String>> byStem = new HashMap<>();
    for (List<String> group : SYNONYMS.get(language)) {
      List<String> stems = group.stream().map(this::stem).toList();
      for (String stem : stems) {
        byStem.put(stem, stems.stream().filter(other -> !other.equals(stem)).toList());
      }
    }
    this.synonyms = Map.copyOf(byStem);
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
    return terms(text, vocabulary, false);
  }

  /**
   * The terms of a query: {@link #terms}, and after each word the stems of its synonyms, as parts. Only a
   * query is expanded, never an article, so an article that says the word itself is not outweighed by the
   * synonym's own postings. A query word of which nothing is known (no stem, part or verb of it in the index)
   * gives the known stems nearest to its own, as parts: a typo still finds its article ({@link #nearStems}).
   */
  public List<Term> queryTerms(String text, Set<String> vocabulary) {
    return terms(text, vocabulary, true);
  }

  private List<Term> terms(String text, Set<String> vocabulary, boolean query) {
    List<Term> terms = new ArrayList<>();
    List<Placed> words = placed(text, query);
    for (int at = 0; at < words.size(); at++) {
      String word = words.get(at).word();
      if (StopWords.contains(language, word)) {
        continue;
      }
      int first = terms.size();
      String own = stem(word);
      Optional<String> phrasal = language == SearchLanguage.EN && at + 1 < words.size()
          && EN_PHRASAL.contains(own + " " + words.get(at + 1).word()) ? Optional.of(stem(own + words.get(at + 1).word()))
          : Optional.empty();
      phrasal.ifPresent(one -> terms.add(new Term(one, true))); // "sign in" and "signing in" as "signin"
      terms.add(new Term(own, false));
      for (Part part : parts(word, vocabulary::contains)) {
        terms.add(new Term(part.stem(), true));
        for (Part finer : parts(part.surface(), vocabulary::contains)) {
          terms.add(new Term(finer.stem(), true));
        }
      }
      participle(word, vocabulary::contains).ifPresent(verb -> terms.add(new Term(verb, true)));
      dutchVerb(word, own, vocabulary::contains).ifPresent(verb -> terms.add(new Term(verb, true)));
      List<String> verbs = new ArrayList<>();
      germanVerb(word, own, vocabulary::contains).ifPresent(verbs::add);
      verbs.addAll(strongVerbs(word, own));
      verbs.addAll(splitVerbs(word, words.get(at).detached(), vocabulary::contains, !query));
      for (String verb : verbs) {
        if (terms.subList(first, terms.size()).stream().noneMatch(term -> term.text().equals(verb))) {
          terms.add(new Term(verb, true));
        }
      }
      if (query) {
        for (String synonym : synonyms.getOrDefault(phrasal.orElse(own), List.of())) {
          terms.add(new Term(synonym, true));
        }
        if (terms.subList(first, terms.size()).stream().noneMatch(term -> vocabulary.contains(term.text()))) {
          nearStems(own, vocabulary).forEach(near -> terms.add(new Term(near, true)));
        }
      }
    }
    return terms;
  }

  /** A word of a text, and the separable prefixes standing apart that may belong to it. */
  private record Placed(String word, List<String> detached) {}

  /**
   * The words of a text, each with the separable prefixes that may belong to it. A prefix standing apart ends its
   * clause: only a clause's last word is taken for one ("ein" in "druckt ein leeres Blatt" is an article, "in" in
   * "deelt niet in outlook" a preposition), and never a part of a hyphenated word ("check-in"). A clause ends at
   * punctuation or a line break, and before a joining word ({@link #CONJUNCTIONS}: "die Sitzung läuft ab und Sie
   * melden sich neu an"). In a query the prefix at its whole clause's end counts for every word of it too ("wie
   * schaltet man Drucker und Router aus"): a query's joined verbs must be known. In an article only the nearer one
   * counts ("Die Sitzung läuft nach 30 Minuten ab." is also found as "ablaufen").
   */
  private List<Placed> placed(String text, boolean query) {
    List<Placed> words = new ArrayList<>();
    Set<String> prefixes = DETACHED_PREFIXES.getOrDefault(language, Set.of());
    Set<String> conjunctions = CONJUNCTIONS.getOrDefault(language, Set.of());
    for (List<Words.Word> clause : Words.ofClauses(text)) {
      Optional<String> clauseEnd = detached(clause, prefixes);
      int start = 0;
      for (int end = 1; end <= clause.size(); end++) {
        if (end < clause.size() && !conjunctions.contains(clause.get(end).text())) {
          continue;
        }
        List<String> detached = new ArrayList<>();
        detached(clause.subList(start, end), prefixes).ifPresent(detached::add);
        if (query) {
          clauseEnd.filter(prefix -> !detached.contains(prefix)).ifPresent(detached::add);
        }
        for (Words.Word word : clause.subList(start, end)) {
          words.add(new Placed(word.text(), List.copyOf(detached)));
        }
        start = end;
      }
    }
    return words;
  }

  /** The separable prefix that ends these words, if their last is one (and they are more than one word). */
  private static Optional<String> detached(List<Words.Word> words, Set<String> prefixes) {
    Words.Word last = words.getLast();
    return words.size() > 1 && !last.hyphenPart() && prefixes.contains(last.text()) ? Optional.of(last.text()) : Optional.empty();
  }

  private static final int MAX_TYPO_STEMS = 3;

  /** How many edits a query word's stem may be from a known stem to stand for it: none below 5 letters, 1 up to 7, 2 from 8. */
  static int typoDistance(int length) {
    return length < 5 ? 0 : length < 8 ? 1 : 2;
  }

  /**
   * The known stems near an unknown query word's stem, for a typo ("wachtwoort" → "wachtwoord", "printr" →
   * "printer"): within {@link #typoDistance} edits (a letter added, dropped or changed, or two neighbours swapped),
   * the nearest distance only, at most {@value #MAX_TYPO_STEMS}, alphabetical. Only for a query word of which
   * nothing is known; a stem with a digit (an error code, a version) is exact and never guessed.
   */
  List<String> nearStems(String stem, Set<String> vocabulary) {
    if (stem.chars().anyMatch(Character::isDigit)) {
      return List.of();   // a code or a number ("0x80070005", "365") is exact: its neighbour is another one
    }
    int max = typoDistance(stem.length());
    if (max == 0) {
      return List.of();
    }
    int best = max + 1;
    List<String> nearest = new ArrayList<>();
    for (String known : vocabulary) {
      int distance = distance(stem, known, max);
      if (distance < best) {
        best = distance;
        nearest.clear();
      }
      if (distance == best && distance <= max) {
        nearest.add(known);
      }
    }
    return nearest.stream().sorted().limit(MAX_TYPO_STEMS).toList();
  }

  /**
   * The edit distance of {@code a} and {@code b} where a letter added, dropped or changed and two neighbours
   * swapped each count one (the "optimal string alignment" distance, as Lucene's fuzzy queries count with
   * transpositions), or {@code max + 1} as soon as it is larger than {@code max}. Written here rather than
   * taken from Lucene: its automata drag about 1,400 of lucene-core's classes (2.3 MiB) into the artefact.
   */
  static int distance(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) {
      return max + 1;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          value = Math.min(value, d[i - 2][j - 2] + 1);
        }
        d[i][j] = value;
        rowMin = Math.min(rowMin, value);
      }
      if (rowMin > max) {
        return max + 1;
      }
    }
    return Math.min(d[a.length()][b.length()], max + 1);
  }

  /**
   * Dutch verb forms that Snowball keeps apart from their verb: the present tense in -t ("werkt", "wordt",
   * "maakt" against "werken", "worden", "maken") and the weak past participle ("gedeelde", "geïnstalleerd",
   * "aangemaakt", "verwijderd" against "delen", "installeren", "aanmaken", "verwijderen"). The form loses its
   * ending (and "ge", after a separable prefix), its last syllable's doubled vowel is written single again
   * ("maak" → "mak", as in "maken"), and a final f or s may be the verb's v or z ("geeft" → "gev", "leest"
   * → "lez"); the first of these whose stem is known, and is not the word's own stem {@code own}, is the verb's.
   * Strong forms ("gesloten") are {@link #strongVerbs}.
   */
  Optional<String> dutchVerb(String word, String own, Predicate<String> knownStem) {
    if (language != SearchLanguage.NL || word.length() < MIN_VERB) {
      return Optional.empty();
    }
    for (String base : dutchVerbBases(word)) {
      for (String candidate : spellings(base)) {
        if (candidate.length() < MIN_PART) {
          continue;
        }
        String verb = stem(candidate);
        if (!verb.equals(own) && knownStem.test(verb)) {
          return Optional.of(verb);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * German weak verb forms that Snowball keeps apart from their verb: the present tense in -t or -et
   * ("funktioniert", "startet", "druckt" against "funktionieren", "starten", "drucken") and the weak past
   * participle, also as an adjective ("gelöschte", "abgemeldet", "gespeichert" against "löschen", "abmelden",
   * "speichern"): the form without its ending (and "ge", after a separable prefix), with the infinitive's "en",
   * or "n" after "el" and "er" ("wechselt", "gewechselt" against "wechseln"); the first whose stem is known, and
   * is not the word's own stem {@code own}, is the verb's.
   */
  Optional<String> germanVerb(String word, String own, Predicate<String> knownStem) {
    if (language != SearchLanguage.DE || word.length() < MIN_VERB || DE_NOT_VERBS.contains(word)) {
      return Optional.empty();
    }
    for (String form : IrregularVerbs.germanVariants(word)) {
      List<String> cores = new ArrayList<>(List.of(form));
      for (String prefix : SEPARABLE_PREFIXES) {
        if (form.startsWith(prefix + "ge") && form.length() > prefix.length() + 2 + MIN_PART) {
          cores.add(prefix + form.substring(prefix.length() + 2));
        }
      }
      for (String core : cores) {
        for (String base : withoutPresentEnding(core)) {
          for (String infinitive : germanInfinitives(base)) {
            String verb = stem(infinitive);
            if (!verb.equals(own) && knownStem.test(verb)) {
              return Optional.of(verb);
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /** A German verb's infinitives from a form without its ending: "-en", and "-n" after "el" or "er" ("wechsel" → "wechseln"). */
  private static List<String> germanInfinitives(String base) {
    return base.endsWith("el") || base.endsWith("er") ? List.of(base + "en", base + "n") : List.of(base + "en");
  }

  /**
   * English verbs with a particle that are also written as one word ("sign in", "sign-in", "signin"; "set up",
   * "setup"; "back up", "backup"), by the verb's stem: the pair gives the one word too, as a part, so the three
   * spellings meet (and "signin" meets "login" through the synonyms).
   */
  private static final Set<String> EN_PHRASAL = Set.of("log in", "log on", "log out", "log off", "sign in", "sign on",
      "sign out", "sign up", "set up", "back up", "shut down", "start up", "clean up", "pop up", "plug in", "roll out",
      "print out", "look up");

  /** Nouns in -t or -et that would meet a word of their own without it ("Internet" is no form of "intern"). */
  private static final Set<String> DE_NOT_VERBS = Set.of("internet", "ticket", "budget", "tablet", "gadget", "widget",
      "paket", "cabinet", "toilet");

  /**
   * The separable prefixes a Dutch or German query may leave standing apart at the end of its clause ("printer
   * loopt vast", "outlook start niet op", "Anmeldung schlägt fehl", "Verbindung bricht ab").
   */
  private static final Map<SearchLanguage, Set<String>> DETACHED_PREFIXES = Map.of(
      SearchLanguage.NL, Set.of("aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "over", "terug", "toe", "uit",
          "vast", "weg", "los", "binnen", "buiten", "samen", "neer"),
      SearchLanguage.DE, Set.of("ab", "an", "auf", "aus", "ein", "fehl", "fest", "frei", "herunter", "hoch", "los", "mit",
          "nach", "vor", "weg", "zu", "zuruck", "zusammen"));

  /**
   * The words that join two main clauses without a comma ("die Sitzung läuft ab und Sie melden sich neu an",
   * "zet de printer uit en weer aan"): a clause also ends before them. Not "aber", "denn", "maar" or "dus", which
   * are as often a particle inside one clause ("zet de printer maar uit").
   */
  private static final Map<SearchLanguage, Set<String>> CONJUNCTIONS = Map.of(
      SearchLanguage.NL, Set.of("en", "of"),
      SearchLanguage.DE, Set.of("und", "oder", "sondern"));

  /**
   * In a Dutch or German clause that ends in a separable prefix, a verb before it ("loopt ... vast", "schlägt
   * ... fehl"): the stem of the prefix joined to the word's verb ("vastlopen", "fehlschlagen": from the table of
   * strong verbs, or the word without its -t or -et with the infinitive's "en"), when known; in an {@code
   * article}, also a finite form of the table's with its prefix when not known ("läuft ... ab" is "ablaufen"
   * whether or not another article writes it whole; not a participle: "das abgelaufene Zertifikat ... aus").
   */
  List<String> splitVerbs(String word, List<String> detached, Predicate<String> knownStem, boolean article) {
    if (detached.isEmpty() || detached.contains(word) || word.length() < MIN_PART) {
      return List.of();
    }
    Optional<String> finite = article ? irregular.finiteInfinitive(word) : Optional.empty();
    List<String> infinitives = new ArrayList<>(irregular.infinitives(word));
    List<String> bases = new ArrayList<>(List.of(word));
    bases.addAll(withoutPresentEnding(word));
    for (String base : bases) {
      if (language == SearchLanguage.NL) {
        spellings(base).forEach(spelling -> infinitives.add(spelling + "en"));
      } else {
        infinitives.addAll(germanInfinitives(base));
      }
    }
    List<String> verbs = new ArrayList<>();
    for (String prefix : detached) {
      for (String infinitive : infinitives) {
        String verb = stem(prefix + infinitive);
        boolean known = knownStem.test(verb) || finite.filter(infinitive::equals).isPresent();
        if (known && !verbs.contains(verb)) {
          verbs.add(verb);
        }
      }
    }
    return verbs;
  }
  /** The word without a present tense's ending (de: -et or -t, nl: -t) where one is there, at least {@value #MIN_PART} letters. */
  private List<String> withoutPresentEnding(String word) {
    List<String> bases = new ArrayList<>();
    for (String ending : language == SearchLanguage.DE ? List.of("et", "t") : List.of("t")) {
      if (word.endsWith(ending) && word.length() - ending.length() >= MIN_PART) {
        bases.add(word.substring(0, word.length() - ending.length()));
      }
    }
    return bases;
  }

  private static final List<String> NL_SEPARABLE_PREFIXES = IrregularVerbs.NL_SEPARABLE;
  private static final List<String> NL_INSEPARABLE_PREFIXES = List.of("be", "ver", "ont", "her");
  private static final List<String> NL_PARTICIPLE_ENDINGS = List.of("den", "ten", "de", "te", "d", "t");
  /** After an inseparable prefix: "-den" and "-ten" end plurals ("bestanden") far more often than participles. */
  private static final List<String> NL_INSEPARABLE_ENDINGS = List.of("de", "te", "d", "t");

  /**
   * Nouns that look like a participle of a verb with an inseparable prefix and would meet the wrong verb
   * ("bestand", a file, is no form of "bestaan").
   */
  private static final Set<String> NL_NOT_PARTICIPLES = Set.of("bestand", "verband", "verstand", "verkeerd", "gezond");

  /**
   * The verb's form without its inflection, as far as one can tell without a dictionary. A Dutch verb's stem ends
   * in a consonant ("werk-t", "maak-t"), so a base that ends in a vowel is none ("internet" is no form of "intern").
   */
  private static List<String> dutchVerbBases(String word) {
    if (NL_NOT_PARTICIPLES.contains(word)) {
      return List.of();
    }
    List<String> bases = new ArrayList<>();
    if (word.endsWith("t")) {
      bases.add(word.substring(0, word.length() - 1));
    }
    for (String prefix : NL_SEPARABLE_PREFIXES) {
      if (!word.startsWith(prefix + "ge")) {
        continue;
      }
      String core = word.substring(prefix.length() + 2);
      for (String ending : NL_PARTICIPLE_ENDINGS) {
        if (core.endsWith(ending) && core.length() - ending.length() >= MIN_PART) {
          bases.add(prefix + core.substring(0, core.length() - ending.length()));
        }
      }
    }
    for (String prefix : NL_INSEPARABLE_PREFIXES) {
      if (word.startsWith(prefix)) {
        for (String ending : NL_INSEPARABLE_ENDINGS) {
          if (word.endsWith(ending) && word.length() - ending.length() - prefix.length() >= MIN_PART) {
            bases.add(word.substring(0, word.length() - ending.length()));
          }
        }
      }
    }
    return bases.stream().filter(base -> !base.isEmpty() && "aeiouy".indexOf(base.charAt(base.length() - 1)) < 0).toList();
  }

  /** A base as written, with its last syllable's doubled vowel single, and each with a final f or s as v or z. */
  private static List<String> spellings(String base) {
    List<String> spellings = new ArrayList<>(List.of(base));
    int n = base.length();
    if (n >= 4 && "aeou".indexOf(base.charAt(n - 2)) >= 0 && base.charAt(n - 2) == base.charAt(n - 3)
        && "aeiou".indexOf(base.charAt(n - 1)) < 0) {
      spellings.add(base.substring(0, n - 2) + base.substring(n - 1));
    }
    for (String spelling : List.copyOf(spellings)) {
      char last = spelling.charAt(spelling.length() - 1);
      if (last == 'f' || last == 's') {
        spellings.add(spelling.substring(0, spelling.length() - 1) + (last == 'f' ? 'v' : 'z'));
      }
    }
    return spellings;
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

  /**
   * The stems of the verbs a strong or irregular form belongs to ({@link IrregularVerbs}: "afgesloten" →
   * "afsluiten", "abgelaufen" → "ablaufen", "sent" → "send"), known or not: the table is curated, so an
   * article that says "vastgelopen" is found by "vastlopen" even when no article says that.
   */
  List<String> strongVerbs(String word, String own) {
    return irregular.infinitives(word).stream().map(this::stem).filter(verb -> !verb.equals(own)).distinct().toList();
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
