package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A fresh browser that signs in through the pool domain's federation: from an authorize URL, through the redirects, fills
 * in entra-local's sign-in form (e-mail, name, the "mfa" check box) and follows the redirects until the redirect URI,
 * whose query it answers (not following it there: that is the portal's page).
 */
final class EntraBrowser {
  private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

  private EntraBrowser() {}

  static HttpClient browser() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  static Map<String, String> signIn(URI authorize, String redirectUri, String email, String name, boolean mfa)
      throws IOException, InterruptedException {
    HttpClient browser = browser();
    URI next = authorize;
    for (int step = 0; step < 20; step++) {
      if (next.toString().startsWith(redirectUri)) {
        return FederationFront.query(next.getRawQuery());
      }
      HttpResponse<String> response = browser.send(HttpRequest.newBuilder(next).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 == 3) {
        next = next.resolve(response.headers().firstValue("Location").orElseThrow());
        continue;
      }
      Matcher form = FORM_ACTION.matcher(response.body());
      assertTrue(response.statusCode() == 200 && form.find(), "the identity provider's sign-in page at " + next + ": "
          + response.statusCode() + " " + response.body());
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("email", email);
      fields.put("name", name);
      if (mfa) {
        fields.put("mfa", "yes");
      }
      HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(next.resolve(form.group(1)))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(3, posted.statusCode() / 100, "signed in at the identity provider: " + posted.body());
      next = next.resolve(posted.headers().firstValue("Location").orElseThrow());
    }
    throw new AssertionError("no way back to " + redirectUri + " in 20 steps");
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }
}
