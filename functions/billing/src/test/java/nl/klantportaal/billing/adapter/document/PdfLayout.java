package nl.klantportaal.billing.adapter.document;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** What the document tests check of a PDF's layout, read back with PDFBox. */
final class PdfLayout {
  private PdfLayout() {}

  /** Every character drawn lies between the page's left and right margins (a point of rounding aside). */
  static void assertInsideMargins(byte[] bytes, float margin) throws IOException {
    List<String> outside = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(bytes)) {
      new PDFTextStripper() {
        @Override
        protected void writeString(String text, List<TextPosition> positions) {
          // A landscape page is a portrait one turned a quarter: its width as read is the box's height.
          var box = getCurrentPage().getMediaBox();
          float width = getCurrentPage().getRotation() % 180 == 0 ? box.getWidth() : box.getHeight();
          for (TextPosition p : positions) {
            if (p.getXDirAdj() < margin - 1 || p.getXDirAdj() + p.getWidthDirAdj() > width - margin + 1) {
              outside.add("'" + p.getUnicode() + "' at x " + p.getXDirAdj() + " in \"" + text + "\"");
            }
          }
        }
      }.getText(document);
    }
    assertTrue(outside.isEmpty(), () -> outside.size() + " characters drawn outside the margins: " + outside.subList(0, Math.min(10, outside.size())));
  }
}
