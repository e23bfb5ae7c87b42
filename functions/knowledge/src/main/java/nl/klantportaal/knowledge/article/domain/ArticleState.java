package nl.klantportaal.knowledge.article.domain;

import nl.klantportaal.core.shared.domain.WireEnum;

/** A draft is seen by provider staff only; a published article by whoever its visibility names. */
public enum ArticleState implements WireEnum {
  DRAFT("draft"),
  PUBLISHED("published");

  private final String wireName;

  ArticleState(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }
}
