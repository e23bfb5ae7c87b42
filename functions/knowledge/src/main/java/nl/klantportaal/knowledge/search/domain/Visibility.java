package nl.klantportaal.knowledge.search.domain;

/** Who may read an article, as the search index keeps it beside each document (drafts are never indexed). */
public enum Visibility {
  PUBLIC,
  CUSTOMERS,
  CUSTOMER,
  STAFF
}
