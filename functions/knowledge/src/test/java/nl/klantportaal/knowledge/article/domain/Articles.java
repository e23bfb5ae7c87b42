package nl.klantportaal.knowledge.article.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Language;

/** Articles for the domain tests. */
public final class Articles {
  public static final Instant AT = Instant.parse("2026-11-23T09:30:00Z");
  public static final TenantId ACME = new TenantId("acme-fixture");
  public static final TenantId BAKKERIJ = new TenantId("bakkerij-fixture");

  private Articles() {}

  public static Article article(Visibility visibility, ArticleState state) {
    Optional<TenantId> customer = visibility == Visibility.CUSTOMER ? Optional.of(ACME) : Optional.empty();
    return new Article("kb-20261123-abcdef", "wachtwoord-herstellen", "cat-microsoft-365", visibility, customer, state,
        List.of("m365"), Map.of(Language.NL, new ArticleText("Wachtwoord herstellen", "Zo zet u een nieuw wachtwoord.",
            "Ga naar **Instellingen**.")), AT, AT, "0a1b2c3d-0000-4000-8000-00000000ad01", 1);
  }
}
