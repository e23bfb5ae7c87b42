package nl.klantportaal.tickets.adapter.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

  @Test
  void asciiNamesAreQuotedAndEncoded() {
    assertEquals("attachment; filename=\"scan 1.pdf\"; filename*=UTF-8''scan%201.pdf",
        ContentDisposition.attachment("scan 1.pdf"));
  }

  @Test
  void otherScriptsArePercentEncodedUtf8WithAnAsciiFallback() {
    assertEquals("attachment; filename=\"_berstunden M_rz.xlsx\"; filename*=UTF-8''%C3%9Cberstunden%20M%C3%A4rz.xlsx",
        ContentDisposition.attachment("Überstunden März.xlsx"));
  }

  @Test
  void quotesAndSemicolonsCannotBreakOutOfTheHeader() {
    assertEquals("attachment; filename=\"a_; b=c.txt\"; filename*=UTF-8''a%22%3B%20b%3Dc.txt",
        ContentDisposition.attachment("a\"; b=c.txt"));
  }
}
