package nl.klantportaal.billing.adapter.document;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import nl.klantportaal.billing.domain.RegistrationSheet;
import nl.klantportaal.billing.port.RegistrationDocuments;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The export files: a landscape A4 PDF with OpenPDF (DejaVu Sans embedded, so accented, Greek and
 * Cyrillic text prints as written; a character the font lacks, such as an emoji or a Chinese one,
 * prints as {@link Printable#MISSING}) and an .xlsx with fastexcel (every character kept but the few
 * XML cannot hold, see {@link #cell}; minutes also as a number column, so totals can be summed).
 */
public final class RegistrationFiles implements RegistrationDocuments {
  private static final float[] WIDTHS = {9, 6, 11, 15, 12, 37, 7};
  @Override
  public byte[] pdf(RegistrationSheet sheet) {
    BaseFont regular = DocumentFonts.regular();
    BaseFont bold = DocumentFonts.bold();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
    PdfWriter.getInstance(document, out);
    document.addTitle(sheet.title() + " " + sheet.subtitle());
    document.addCreator("Klantportaal");
    document.open();
    Font title = new Font(bold, 15);
    Font text = new Font(regular, 8.5f);
    Font head = new Font(bold, 8.5f, Font.NORMAL, Color.WHITE);
    Font strong = new Font(bold, 9);
    document.add(new Paragraph(Printable.phrase(sheet.title(), title)));
    document.add(new Paragraph(Printable.phrase(sheet.subtitle(), new Font(regular, 10))));
    document.add(new Paragraph(" ", text));
    PdfPTable table = new PdfPTable(WIDTHS);
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    for (String header : sheet.headers()) {
      PdfPCell cell = new PdfPCell(Printable.phrase(header, head));
      cell.setBackgroundColor(new Color(0x1f, 0x3a, 0x5f));
      cell.setPadding(4);
      table.addCell(cell);
    }
    for (RegistrationSheet.Row row : sheet.rows()) {
      for (String value : new String[] {row.date(), row.hours(), row.type(), row.invoiceStatus(), row.agent(), row.description(),
          row.ticket()}) {
        PdfPCell cell = new PdfPCell(Printable.phrase(value, text));
        cell.setPadding(3);
        table.addCell(cell);
      }
      table.getRow(table.size() - 1).getCells()[1].setHorizontalAlignment(Element.ALIGN_RIGHT);
    }
    document.add(table);
    document.add(new Paragraph(" ", text));
    PdfPTable totals = new PdfPTable(new float[] {30, 12});
    totals.setWidthPercentage(45);
    totals.setHorizontalAlignment(Element.ALIGN_LEFT);
    for (RegistrationSheet.Total total : sheet.totals()) {
      totals.addCell(new PdfPCell(Printable.phrase(total.label(), strong)));
      PdfPCell value = new PdfPCell(Printable.phrase(total.value(), strong));
      value.setHorizontalAlignment(Element.ALIGN_RIGHT);
      totals.addCell(value);
    }
    document.add(totals);
    document.add(new Paragraph(Printable.phrase(sheet.generatedLine(), new Font(regular, 7, Font.NORMAL, Color.GRAY))));
    document.close();
    return out.toByteArray();
  }

  @Override
  public byte[] xlsx(RegistrationSheet sheet) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "Klantportaal", "1.0");
      Worksheet ws = workbook.newWorksheet(sheet.title());
      ws.value(0, 0, cell(sheet.title()));
      ws.style(0, 0).bold().fontSize(14).set();
      ws.value(1, 0, cell(sheet.subtitle()));
      int r = 3;
      int c = 0;
      for (String header : sheet.headers()) {
        ws.value(r, c, cell(header));
        ws.style(r, c++).bold().fillColor("1F3A5F").fontColor("FFFFFF").set();
      }
      ws.value(r, c, "min");
      ws.style(r, c).bold().fillColor("1F3A5F").fontColor("FFFFFF").set();
      for (RegistrationSheet.Row row : sheet.rows()) {
        r++;
        ws.value(r, 0, row.day());
        ws.style(r, 0).format("yyyy-mm-dd").set();
        ws.value(r, 1, cell(row.hours()));
        ws.value(r, 2, cell(row.type()));
        ws.value(r, 3, cell(row.invoiceStatus()));
        ws.value(r, 4, cell(row.agent()));
        ws.value(r, 5, cell(row.description()));
        ws.value(r, 6, cell(row.ticket()));
        ws.value(r, 7, row.minutes());
      }
      r += 2;
      for (RegistrationSheet.Total total : sheet.totals()) {
        ws.value(r, 0, cell(total.label()));
        ws.style(r, 0).bold().set();
        ws.value(r, 1, cell(total.value()));
        int row = r;
        total.minutes().ifPresent(m -> ws.value(row, 7, m));
        r++;
      }
      ws.value(r + 1, 0, cell(sheet.generatedLine()));
      ws.width(5, 60);
      ws.width(3, 28);
      ws.width(0, 12);
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A cell's text as XML can hold it: fastexcel leaves out, without a word, what XML 1.0 cannot carry (a control character
   * other than tab and line breaks, a lone half of a surrogate pair); each shows as {@link Printable#MISSING} instead.
   */
  static String cell(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      boolean xml = cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
          || cp >= 0x10000;
      if (xml) {
        out.appendCodePoint(cp);
      } else {
        out.append(Printable.MISSING);
      }
    }
    return out.toString();
  }
}
