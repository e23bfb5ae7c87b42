package nl.klantportaal.knowledge.search.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tokenising for every language: Unicode letters and digits, case-folded, diacritics stripped (so
 * "Postfächer" and "postfacher", "geïnstalleerd" and "geinstalleerd" meet), "ß" as "ss". A hyphenated
 * word counts whole and by its parts: "e-mailadres" gives "emailadres" and "mailadres".
 */
public final class Words {

  private static final Pattern BETWEEN_WORDS = Pattern.compile("[^\\p{L}\\p{Nd}-]+");
  private static final Pattern HYPHENS = Pattern.compile("-+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  /** What ends a clause: a sentence's end, a comma, a semicolon or colon, a line break. */
  private static final Pattern CLAUSE_ENDS = Pattern.compile("[.!?;:,\\n\\r]+");

  private Words() {}

  public static String fold(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    return MARKS.matcher(decomposed).replaceAll("").replace("ß", "ss").toLowerCase(Locale.ROOT);
  }

  /**
   * A word of a text, and whether it is one part of a hyphenated word ("in" of "check-in"), which never stands
   * apart as a separable verb's prefix.
   */
  public record Word(String text, boolean hyphenPart) {}

  /**
   * The words of each clause of a text, in order: together exactly {@link #of}'s words. A separable verb's
   * prefix standing apart ends its clause ("Die Sitzung läuft nach 30 Minuten ab.").
   */
  public static List<List<Word>> ofClauses(String text) {
    List<List<Word>> clauses = new ArrayList<>();
    for (String clause : CLAUSE_ENDS.split(text)) {
      List<Word> words = words(clause);
      if (!words.isEmpty()) {
        clauses.add(words);
      }
    }
    return clauses;
  }

  public static List<String> of(String text) {
    return words(text).stream().map(Word::text).toList();
  }

  private static List<Word> words(String text) {
    List<Word> words = new ArrayList<>();
    for (String chunk : BETWEEN_WORDS.split(fold(text))) {
      List<String> parts = new ArrayList<>();
      for (String part : HYPHENS.split(chunk)) {
        if (!part.isEmpty()) {
          parts.add(part);
        }
      }
      if (parts.size() == 1) {
        words.add(new Word(parts.get(0), false));
      } else if (parts.size() > 1) {
        words.add(new Word(String.join("", parts), false));
        parts.stream().filter(p -> p.length() >= 2).forEach(p -> words.add(new Word(p, true)));
      }
    }
    return words;
  }
}
