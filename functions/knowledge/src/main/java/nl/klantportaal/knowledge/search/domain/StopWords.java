package nl.klantportaal.knowledge.search.domain;

import java.util.Set;

/** Words too common to find anything by, per language (folded: no diacritics). From the Snowball lists, shortened. */
final class StopWords {

  private static final Set<String> NL = Set.of(
      "de", "en", "van", "ik", "te", "dat", "die", "in", "een", "hij", "het", "niet", "zijn", "is", "was", "op",
      "aan", "met", "als", "voor", "had", "er", "maar", "om", "hem", "dan", "zou", "of", "wat", "mijn", "men",
      "dit", "zo", "door", "over", "ze", "zich", "bij", "ook", "tot", "je", "mij", "uit", "der", "daar", "haar",
      "naar", "heb", "hoe", "heeft", "hebben", "deze", "u", "want", "nog", "zal", "me", "zij", "nu", "ge", "geen",
      "omdat", "iets", "worden", "toch", "al", "waren", "veel", "meer", "doen", "toen", "moet", "ben", "zonder",
      "kan", "hun", "dus", "alles", "onder", "ja", "eens", "hier", "wie", "werd", "altijd", "doch", "wordt",
      "wezen", "kunnen", "ons", "zelf", "tegen", "na", "reeds", "wil", "kon", "niets", "uw", "iemand", "geweest",
      "andere", "wij", "we", "jouw", "jij", "jullie", "welke", "waar", "wanneer", "hoeveel", "mag", "kun", "gaat");

  private static final Set<String> EN = Set.of(
      "i", "me", "my", "myself", "we", "our", "ours", "you", "your", "yours", "he", "him", "his", "she", "her",
      "it", "its", "they", "them", "their", "what", "which", "who", "whom", "this", "that", "these", "those",
      "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does",
      "did", "doing", "would", "should", "could", "ought", "a", "an", "the", "and", "but", "if", "or",
      "because", "as", "until", "while", "of", "at", "by", "for", "with", "about", "against", "between",
      "into", "through", "during", "before", "after", "above", "below", "to", "from", "up", "down", "in",
      "out", "on", "off", "over", "under", "again", "further", "then", "once", "here", "there", "when",
      "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such",
      "no", "nor", "not", "only", "own", "same", "so", "than", "too", "very", "can", "will", "just", "don",
      "t", "s", "also", "get", "cannot", "doesn", "isn", "didn", "won", "aren");

  private static final Set<String> DE = Set.of(
      "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "ander", "andere",
      "anderem", "anderen", "anderer", "anderes", "auch", "auf", "aus", "bei", "bin", "bis", "bist", "da",
      "damit", "dann", "der", "den", "des", "dem", "die", "das", "dass", "dein", "dich", "dir", "doch", "dort",
      "du", "durch", "ein", "eine", "einem", "einen", "einer", "eines", "er", "es", "etwas", "euer", "fur",
      "hatte", "hat", "habe", "haben", "hier", "hin", "ich", "ihr", "ihre", "ihrem", "ihren", "ihrer", "im",
      "in", "ist", "ja", "jede", "jedem", "jeden", "jeder", "kann", "kein", "keine", "man", "manche", "mein",
      "meine", "mich", "mir", "mit", "muss", "nach", "nicht", "nichts", "noch", "nun", "nur", "ob", "oder",
      "ohne", "sehr", "sein", "seine", "sich", "sie", "sind", "so", "solche", "soll", "sollte", "sondern",
      "sonst", "uber", "um", "und", "uns", "unser", "unter", "viel", "vom", "von", "vor", "war", "waren",
      "was", "weil", "welche", "wenn", "werde", "werden", "wie", "wieder", "will", "wir", "wird", "wo",
      "wollen", "zu", "zum", "zur", "zwar", "zwischen", "wer", "wann", "ihnen", "konnen");

  private StopWords() {}

  static boolean contains(SearchLanguage language, String foldedWord) {
    return switch (language) {
      case NL -> NL.contains(foldedWord);
      case EN -> EN.contains(foldedWord);
      case DE -> DE.contains(foldedWord);
    };
  }
}
