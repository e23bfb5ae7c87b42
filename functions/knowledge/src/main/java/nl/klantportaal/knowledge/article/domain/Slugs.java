package nl.klantportaal.knowledge.article.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The share link's stable part: lower-case ASCII words joined by '-', made once from a title. */
public final class Slugs {
  public static final int MAX = 80;
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private Slugs() {}

  public static boolean isSlug(String value) {
    return value != null && value.length() <= MAX && SLUG.matcher(value).matches();
  }

  /** "Wachtwoord herstellen in Microsoft 365?" becomes {@code wachtwoord-herstellen-in-microsoft-365}; accents dropped. */
  public static String of(String title) {
    String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
        .replace("ß", "ss").toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.length() > MAX) {
      slug = slug.substring(0, MAX).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "artikel" : slug;
  }

  /** The n-th alternative when a slug is taken: {@code wachtwoord-herstellen-2}. */
  public static String numbered(String slug, int n) {
    String suffix = "-" + n;
    String base = slug.length() + suffix.length() > MAX ? slug.substring(0, MAX - suffix.length()).replaceAll("-+$", "") : slug;
    return base + suffix;
  }
}
