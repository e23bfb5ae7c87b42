package nl.klantportaal.inboundmail.adapter.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FlowedTextTest {

  @Test
  void aLineEndingInASpaceGoesOnInTheNextLineOfItsQuoteDepth() {
    assertEquals("een lange zin die doorloopt\nvast", FlowedText.unwrap("een lange \nzin die \ndoorloopt\nvast", false));
    assertEquals("> a b\n> c\n>\nd e", FlowedText.unwrap("> a \n> b\n> c\n>\n d \ne", false));
    assertEquals("> a \nb", FlowedText.unwrap("> a \nb", false), "another quote depth ends the paragraph");
  }

  @Test
  void delSpTakesTheWrappingSpaceAwayAndTheSignatureSeparatorStays() {
    assertEquals("https://x.example/lang/pad.pdf", FlowedText.unwrap("https://x.example/lang/ \npad.pdf", true));
    assertEquals("https://x.example/lang/ pad.pdf", FlowedText.unwrap("https://x.example/lang/ \npad.pdf", false));
    assertEquals("Groet\n-- \nJan", FlowedText.unwrap("Groet\n-- \nJan", true));
    assertEquals("From me\n", FlowedText.unwrap(" From me\r\n", false), "space-stuffing undone, line ends kept");
  }
}
