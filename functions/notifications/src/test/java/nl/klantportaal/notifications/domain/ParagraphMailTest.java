package nl.klantportaal.notifications.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParagraphMailTest {
  @Test
  void aWebAddressInAParagraphIsALinkInHtmlAndStaysAsItIsInText() {
    var mail = new ParagraphMail("S", List.of("Beste <b>Anna</b> & \"co\",",
        "Bekijk ze onder Urenregistraties: https://portal.example.test/#/time-registrations",
        "Volg de status (https://portal.example.test/#/status)."));
    assertEquals("Beste <b>Anna</b> & \"co\",\n\nBekijk ze onder Urenregistraties: https://portal.example.test/#/time-registrations"
        + "\n\nVolg de status (https://portal.example.test/#/status).\n", mail.text());
    String html = mail.html();
    assertTrue(html.contains("<p>Beste &lt;b&gt;Anna&lt;/b&gt; &amp; &quot;co&quot;,</p>"), html);
    assertTrue(html.contains("Urenregistraties: <a href=\"https://portal.example.test/#/time-registrations\">"
        + "https://portal.example.test/#/time-registrations</a></p>"), html);
    assertTrue(html.contains("(<a href=\"https://portal.example.test/#/status\">https://portal.example.test/#/status</a>).</p>"),
        "the sentence's punctuation is not part of the link: " + html);
  }

  @Test
  void anAddressCannotBreakOutOfItsAttribute() {
    String html = new ParagraphMail("S", List.of("see \"https://x.test/a?b=1&c=2\"<script>")).html();
    assertTrue(html.contains("&quot;<a href=\"https://x.test/a?b=1&amp;c=2\">https://x.test/a?b=1&amp;c=2</a>&quot;&lt;script&gt;"), html);
    assertFalse(html.contains("<script>"));
  }
}
