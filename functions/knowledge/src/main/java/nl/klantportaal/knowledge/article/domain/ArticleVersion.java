package nl.klantportaal.knowledge.article.domain;

import java.time.Instant;

/** One entry of an article's history: which version, when, by whom (a user id), and its state then. */
public record ArticleVersion(long version, Instant updatedAt, String actor, ArticleState state) {}
