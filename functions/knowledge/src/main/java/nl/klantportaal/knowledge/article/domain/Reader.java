package nl.klantportaal.knowledge.article.domain;

import nl.klantportaal.core.claims.TenantId;

/** Who reads: someone without an account, a user of one customer, or provider staff (from verified claims only). */
public sealed interface Reader {
  record Anonymous() implements Reader {}

  record CustomerUser(TenantId customer) implements Reader {}

  record Staff() implements Reader {}
}
