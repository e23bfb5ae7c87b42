package nl.klantportaal.knowledge.article.adapter.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Markdown renders to the HTML it means, and anything active a writer slips in is rendered inert. */
class SafeMarkdownTest {
  private final SafeMarkdown markdown = new SafeMarkdown();

  @Test
  void ordinaryMarkdownKeepsItsShapeAndLinksGetNoopenerNofollow() {
    String html = markdown.toSafeHtml("""
        ## Stappen

        1. Open **Instellingen**
        2. Kies *Wachtwoord*

        Zie [de uitleg](https://example.test/uitleg) of mail [ons](mailto:help@example.test).

        | Dienst | Status |
        |--------|:------:|
        | Mail   | ok     |

        ```
        Set-MsolUser -UserPrincipalName jan@example.test
        ```
        """);
    var doc = Jsoup.parseBodyFragment(html);
    assertEquals("Stappen", doc.selectFirst("h2").text());
    assertEquals(2, doc.select("ol > li").size());
    assertEquals("Instellingen", doc.selectFirst("strong").text());
    assertEquals(2, doc.select("a").size());
    for (Element a : doc.select("a")) {
      assertEquals("noopener nofollow", a.attr("rel"));
    }
    assertEquals("https://example.test/uitleg", doc.select("a").get(0).attr("href"));
    assertEquals("mailto:help@example.test", doc.select("a").get(1).attr("href"));
    assertEquals("Mail", doc.selectFirst("table tbody td").text());
    assertTrue(doc.selectFirst("pre code").text().startsWith("Set-MsolUser"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<script>alert(1)</script>",
      "Tekst <script>alert(1)</script> inline",
      "<iframe src=\"https://evil.example.test\"></iframe>",
      "[klik](javascript:alert(1))",
      "[klik](JaVaScRiPt:alert(1))",
      "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "![plaatje](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
      "![x](https://example.test/x.png \"t\")<img src=x onerror=alert(1)>",
      "<a href=\"https://example.test\" onclick=\"alert(1)\">a</a>",
      "<div style=\"background:url(javascript:alert(1))\">x</div>",
      "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
      "<p onmouseover=\"alert(1)\">raw html block</p>",
      "<svg onload=alert(1)>",
      "<style>body{display:none}</style>",
      "<form action=\"https://evil.example.test\"><input name=p></form>",
      "[x](vbscript:msgbox)",
  })
  void activeContentIsRenderedInert(String source) {
    String html = markdown.toSafeHtml(source);
    var doc = Jsoup.parseBodyFragment(html);
    for (String tag : new String[] {"script", "iframe", "object", "embed", "style", "svg", "form", "input", "div"}) {
      assertTrue(doc.select(tag).isEmpty(), tag + " survived in " + html);
    }
    for (Element element : doc.getAllElements()) {
      element.attributes().forEach(attribute -> {
        String name = attribute.getKey().toLowerCase(Locale.ROOT);
        String value = attribute.getValue().toLowerCase(Locale.ROOT).strip();
        assertFalse(name.startsWith("on"), "event attribute in " + html);
        assertFalse(name.equals("style"), "style in " + html);
        assertFalse(value.startsWith("javascript:") || value.startsWith("data:") || value.startsWith("vbscript:"),
            "active URL in " + html);
      });
    }
    for (Element link : doc.select("a[href], img[src]")) {
      String url = link.hasAttr("href") ? link.attr("href") : link.attr("src");
      assertTrue(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("mailto:"), html);
    }
  }

  @Test
  void theTextHasOneLinePerBlockAndNoMarkdown() {
    String text = markdown.toText("""
        ## So melden Sie sich an

        - Die Anmeldung schlägt fehl
        - Melden Sie sich **erneut** an

        | Schritt | Was |
        |---|---|
        | 1 | Code eingeben |

        Ein Satz, der weiter
        geht. <script>x</script>
        """);
    assertEquals(List.of("So melden Sie sich an", "Die Anmeldung schlägt fehl", "Melden Sie sich erneut an", "Schritt", "Was",
        "1", "Code eingeben", "Ein Satz, der weiter geht. <script>x</script>"),
        text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
  }

  @Test
  void rawHtmlIsShownAsTextNotDropped() {
    String html = markdown.toSafeHtml("Gebruik <b>geen</b> <script>x</script> in een wachtwoord");
    assertEquals("Gebruik <b>geen</b> <script>x</script> in een wachtwoord", Jsoup.parseBodyFragment(html).text());
  }
}
