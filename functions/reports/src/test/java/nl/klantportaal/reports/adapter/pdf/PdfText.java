package nl.klantportaal.reports.adapter.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a PDF back with two independent readers: PDFBox (per page) and poppler's pdftotext and pdfinfo. */
public final class PdfText {
  private PdfText() {}

  /** Each page's text as PDFBox reads it, in reading order by position. */
  public static List<String> pages(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      List<String> pages = new ArrayList<>();
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        pages.add(stripper.getText(document));
      }
      return pages;
    }
  }

  /** The whole document as poppler's pdftotext -layout reads it; its page count from pdfinfo must match. */
  public static String poppler(byte[] pdf, int expectedPages) throws IOException, InterruptedException {
    Path file = Files.createTempFile("report", ".pdf");
    try {
      Files.write(file, pdf);
      String info = run("pdfinfo", file.toString());
      assertEquals(true, info.lines().anyMatch(l -> l.matches("Pages:\\s+" + expectedPages)), info);
      return run("pdftotext", "-layout", "-enc", "UTF-8", file.toString(), "-");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
    } catch (IOException e) {
      throw new AssertionError(command[0] + " (poppler-utils) is not installed: ./klantportaal test installs it "
          + "(scripts/test-tools.sh); on another machine: apt-get install poppler-utils", e);
    }
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      fail(command[0] + " could not read the PDF: " + new String(out, StandardCharsets.UTF_8));
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
