package nl.klantportaal.billing.adapter.document;

import java.text.BreakIterator;
import java.text.Normalizer;
import org.openpdf.text.Font;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;

/**
 * Text as a PDF font can draw it, for every PDF the portal writes (invoices, exports, monthly reports).
 * OpenPDF leaves out, without a word, every character its font has no glyph for: a ticket titled
 * "Printer 打印机 kapot" printed as "Printer kapot", "Top 👍" as "Top ". Nothing a user wrote may be
 * dropped silently, so each character (as a reader sees one: a letter with its accents, an emoji with
 * its skin tone or its joined parts, a flag) the font cannot draw becomes one {@link #MISSING}; the
 * portal itself still shows the original.
 *
 * <p>Besides that: the text is composed first (NFC: an "e" with a combining accent prints as the one
 * glyph "é"); a line break (CR LF, CR, U+2028, U+2029) is a line break; a tab is a blank; any other
 * control character, and a lone half of a surrogate pair, is a {@link #MISSING} too. Invisible format
 * characters the font lacks (a variation selector after an emoji the font draws in its text form) are
 * left out: they have nothing to show.
 */
public final class Printable {
  /** U+FFFD, the replacement character: what a reader sees for a character the font has no glyph for. */
  public static final String MISSING = "\uFFFD";

  private Printable() {}

  /** {@code text} with what {@code font} cannot draw made visible as {@link #MISSING}. */
  public static String text(String text, BaseFont font) {
    String composed = Normalizer.normalize(text, Normalizer.Form.NFC)
        .replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n').replace('\t', ' ');
    StringBuilder out = new StringBuilder(composed.length());
    BreakIterator graphemes = BreakIterator.getCharacterInstance();
    graphemes.setText(composed);
    int start = graphemes.first();
    for (int end = graphemes.next(); end != BreakIterator.DONE; start = end, end = graphemes.next()) {
      out.append(grapheme(composed.substring(start, end), font));
    }
    return out.toString();
  }

  /** {@link #text(String, BaseFont)} for the font a text is set in. */
  public static String text(String text, Font font) {
    if (font.getBaseFont() == null) {
      throw new IllegalArgumentException("The portal's PDF fonts are embedded fonts: " + font);
    }
    return text(text, font.getBaseFont());
  }

  /** A phrase of {@code text} in {@code font}, with what the font cannot draw made visible. */
  public static Phrase phrase(String text, Font font) {
    return new Phrase(text(text, font), font);
  }

  /** One user-perceived character: itself, itself without the invisible parts the font lacks, or {@link #MISSING}. */
  private static String grapheme(String grapheme, BaseFont font) {
    if (grapheme.equals("\n")) {
      return grapheme;
    }
    StringBuilder drawn = new StringBuilder(grapheme.length());
    for (int i = 0; i < grapheme.length(); ) {
      int cp = grapheme.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.CONTROL || type == Character.SURROGATE) {
        return MISSING;
      }
      if (font.charExists(cp)) {
        drawn.appendCodePoint(cp);
      } else if (!invisible(cp, type)) {
        return MISSING;
      }
    }
    // Empty only for invisible characters the font lacks, which draw nothing anyway.
    return drawn.toString();
  }

  /** A format character (a zero-width joiner) or a variation selector (the emoji one, U+FE0F): nothing of its own to see. */
  private static boolean invisible(int cp, int type) {
    return type == Character.FORMAT || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
  }
}
