package nl.klantportaal.ticketing.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of a ticket title as the search index keeps them (docs/tickets.md "Search"), the same
 * for titles and for queries: lower-case, accents folded ({@code ö} → {@code o}, {@code ß} →
 * {@code ss}), split on everything but letters and digits, Dutch, German and English stop words
 * dropped, and a light stemmer that only takes off plural and inflection endings ({@code -en},
 * {@code -s}, {@code -ies}, {@code -e}, {@code -y}). A title word is indexed with its prefixes of 4 letters and
 * more (so {@code wachtwoord} finds {@code wachtwoordherstel} and {@code print} finds
 * {@code printer}) and with the known parts it holds after its start ({@code herstel} in
 * {@code wachtwoordherstel}); a query word must then be a prefix of a title word.
 *
 * <p>Limits, on purpose: no dictionary-based compound splitting beyond {@link #KNOWN_PARTS}, no
 * irregular plurals ({@code Passwort} finds {@code Passwörter}, not the other way round), query words
 * shorter than {@link #MIN_PREFIX} letters match whole title words only.
 */
public final class TitleWords {
  /** The shortest prefix the index keeps. */
  public static final int MIN_PREFIX = 4;
  /** Index terms are cut to this length; a longer query word is checked against the stored words. */
  public static final int MAX_TERM = 12;
  /** At most this many index terms per ticket (each is one item in the create transaction). */
  public static final int MAX_TERMS = 40;
  /** At most this many words of a query count; the rest are ignored. */
  public static final int MAX_QUERY_WORDS = 5;

  private static final Set<String> STOP_WORDS = Set.copyOf(List.of(
      // Dutch
      "de", "het", "een", "en", "van", "in", "op", "is", "met", "voor", "niet", "te", "dat", "die", "er", "aan",
      "bij", "of", "als", "ook", "om", "naar", "ik", "je", "we", "wij", "mijn", "geen", "wordt", "kan", "meer",
      "nog", "uit", "tot", "over", "maar", "zijn", "was", "hij", "zij", "ze", "dit", "deze", "wel", "al", "door",
      // German
      "der", "das", "ein", "eine", "einen", "und", "oder", "zu", "im", "auf", "ist", "nicht", "mit", "fur", "mein",
      "meine", "kein", "keine", "es", "den", "dem", "des", "bei", "sich", "ich", "wir", "aus", "nach", "auch", "wird",
      "vom", "zum", "zur", "am", "an", "um", "noch",
      // English
      "the", "a", "an", "and", "or", "to", "on", "it", "for", "not", "with", "my", "can", "cannot", "does", "doesn",
      "no", "at", "from", "this", "be", "are", "by", "as", "its", "our", "we", "i", "me", "t", "s", "dont", "don"));

  /**
   * Parts that IT titles glue into compounds (folded, stemmed); a longer word holding one of them
   * after its start is indexed with that part too. Short on purpose: a word not listed is only found by its start.
   */
  static final List<String> KNOWN_PARTS = List.of(
      "wachtwoord", "passwort", "password", "herstel", "reset", "printer", "drucker", "account", "netwerk",
      "netzwerk", "server", "mail", "laptop", "scherm", "bildschirm", "toegang", "zugang", "licentie", "lizenz",
      "update", "storing", "storung", "telefoon", "telefon", "verbinding", "verbindung", "backup", "aanvraag",
      "antrag", "wijziging", "anderung", "installatie", "installation", "rechten", "berechtigung", "map", "ordner",
      "schijf", "laufwerk", "toetsenbord", "tastatur", "muis", "maus", "kabel", "router", "firewall", "vpn")
      .stream().map(TitleWords::stem).toList();

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]+");

  private TitleWords() {}

  /** The normalised, stemmed words of {@code text}, in order, each once. */
  public static List<String> words(String text) {
    Set<String> words = new LinkedHashSet<>();
    for (String raw : NOT_LETTER_OR_DIGIT.split(fold(text))) {
      if (raw.isEmpty() || STOP_WORDS.contains(raw)) {
        continue;
      }
      words.add(stem(raw));
    }
    return List.copyOf(words);
  }

  /**
   * Lower-case with accents taken off. A text of ASCII characters only has none to take off (its
   * canonical decomposition is itself), so it skips the JDK's Unicode normaliser, whose first use in
   * a JVM loads its data: about 30 ms of a cold start, for the many titles that need nothing of it.
   */
  static String fold(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (ascii(lower)) {
      return lower;
    }
    String decomposed = Normalizer.normalize(lower.replace("ß", "ss").replace("æ", "ae").replace("ø", "o")
        .replace("œ", "oe"), Normalizer.Form.NFD);
    return MARKS.matcher(decomposed).replaceAll("");
  }

  private static boolean ascii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Takes off a plural or inflection ending ({@code -es} of {@code -ies}, {@code -en} or {@code -s}),
   * then a final {@code -e}, or turns a final {@code -y} into {@code -i}: {@code service} and
   * {@code services} both become {@code servic}, {@code battery} and {@code batteries}
   * {@code batteri}, {@code licentie} and {@code licenties} {@code licenti}; words with digits and
   * short words stay as they are.
   */
  static String stem(String word) {
    if (word.chars().anyMatch(Character::isDigit)) {
      return word;
    }
    String w = word;
    int n = w.length();
    if (n >= 6 && w.endsWith("ies")) {
      w = w.substring(0, n - 2);
    } else if (n >= 6 && w.endsWith("en")) {
      w = w.substring(0, n - 2);
    } else if (n >= 5 && w.endsWith("s") && !w.endsWith("ss")) {
      w = w.substring(0, n - 1);
    }
    if (w.length() >= 6 && w.endsWith("e")) {
      w = w.substring(0, w.length() - 1);
    } else if (w.length() >= 5 && w.endsWith("y")) {
      w = w.substring(0, w.length() - 1) + "i";
    }
    return w;
  }

  /**
   * The index terms of a title: each word's whole (cut to {@link #MAX_TERM}) first, then the known
   * parts its compounds hold, then the shorter prefixes, at most {@link #MAX_TERMS}. Words the
   * cut-off leaves out are still in {@link #words} and found through another term of the title.
   */
  public static List<String> terms(String title) {
    List<String> words = words(title);
    Set<String> terms = new LinkedHashSet<>();
    words.forEach(w -> terms.add(cut(w)));
    for (String w : words) {
      for (String part : KNOWN_PARTS) {
        if (w.length() > part.length() && w.indexOf(part, 1) > 0) {
          terms.add(cut(part));
        }
      }
    }
    for (int length = MAX_TERM - 1; length >= MIN_PREFIX; length--) {
      for (String w : words) {
        if (w.length() > length) {
          terms.add(w.substring(0, length));
        }
      }
    }
    for (String w : words) {
      for (String part : KNOWN_PARTS) {
        if (w.length() > part.length() && w.indexOf(part, 1) > 0) {
          for (int length = Math.min(part.length(), MAX_TERM) - 1; length >= MIN_PREFIX; length--) {
            terms.add(part.substring(0, length));
          }
        }
      }
    }
    return List.copyOf(terms).subList(0, Math.min(MAX_TERMS, terms.size()));
  }

  /**
   * The words a ticket's index items carry for checking a query's other words: the title's words
   * and the known parts of its compounds.
   */
  public static List<String> storedWords(String title) {
    Set<String> stored = new LinkedHashSet<>(words(title));
    for (String w : words(title)) {
      for (String part : KNOWN_PARTS) {
        if (w.length() > part.length() && w.indexOf(part, 1) > 0) {
          stored.add(part);
        }
      }
    }
    return List.copyOf(stored);
  }

  /** The words of a query, at most {@link #MAX_QUERY_WORDS}. */
  public static List<String> queryWords(String query) {
    List<String> words = words(query);
    return words.subList(0, Math.min(MAX_QUERY_WORDS, words.size()));
  }

  /**
   * The word whose index partition a query reads: the longest (a longer word is, as a rule, the
   * rarer one; counting each term's tickets would cost a write per term on every create).
   */
  public static String lookupWord(List<String> queryWords) {
    String longest = queryWords.getFirst();
    for (String w : queryWords) {
      if (w.length() > longest.length()) {
        longest = w;
      }
    }
    return longest;
  }

  /** The index term a query word is looked up by. */
  public static String termOf(String queryWord) {
    return cut(queryWord);
  }

  /** Whether every query word starts one of a ticket's stored words. */
  public static boolean matchesAll(List<String> storedWords, List<String> queryWords) {
    List<String> missing = new ArrayList<>(queryWords);
    missing.removeIf(q -> storedWords.stream().anyMatch(w -> w.startsWith(q) && (q.length() >= MIN_PREFIX || w.equals(q))));
    return missing.isEmpty();
  }

  private static String cut(String word) {
    return word.length() > MAX_TERM ? word.substring(0, MAX_TERM) : word;
  }
}
