package nl.klantportaal.billing.adapter.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openpdf.text.pdf.BaseFont;

/**
 * The portal's PDF fonts (DejaVu Sans, embedded, so every reader shows é, ü and € alike), for the
 * exports here and the monthly reports. Loaded on the first PDF, not at a function's cold start:
 * most of its routes never draw one.
 */
public final class DocumentFonts {
  private static BaseFont regular;
  private static BaseFont bold;

  private DocumentFonts() {}

  public static synchronized BaseFont regular() {
    if (regular == null) {
      regular = font("/fonts/DejaVuSans.ttf");
    }
    return regular;
  }

  public static synchronized BaseFont bold() {
    if (bold == null) {
      bold = font("/fonts/DejaVuSans-Bold.ttf");
    }
    return bold;
  }

  private static BaseFont font(String resource) {
    try (InputStream in = DocumentFonts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Font " + resource + " is missing from the artefact");
      }
      return BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
          true, in.readAllBytes(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The styles a document draws with: the embedded fonts in one ink colour. */
  public record Styles(BaseFont regular, BaseFont bold, java.awt.Color ink) {
    public static Styles in(java.awt.Color ink) {
      return new Styles(DocumentFonts.regular(), DocumentFonts.bold(), ink);
    }

    public org.openpdf.text.Font text(float size) {
      return new org.openpdf.text.Font(regular, size, org.openpdf.text.Font.NORMAL, ink);
    }

    public org.openpdf.text.Font strong(float size) {
      return new org.openpdf.text.Font(bold, size, org.openpdf.text.Font.NORMAL, ink);
    }

    public org.openpdf.text.Font colored(float size, java.awt.Color color) {
      return new org.openpdf.text.Font(bold, size, org.openpdf.text.Font.NORMAL, color);
    }
  }
}
