package nl.klantportaal.knowledge.article.domain;

import nl.klantportaal.core.shared.domain.WireEnum;

/** Who may read an article once it is published (drafts are for provider staff only). */
public enum Visibility implements WireEnum {
  /** Everyone, without an account: the public help centre. */
  PUBLIC("public"),
  /** Every signed-in customer user, of any customer. */
  CUSTOMERS("customers"),
  /** The users of one customer ({@link Article#customerId()}). */
  CUSTOMER("customer"),
  /** Provider staff only: internal how-tos. */
  STAFF("staff");

  private final String wireName;

  Visibility(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }
}
