package nl.klantportaal.knowledge.search.domain;

/** An article found, with its BM25 score (higher is better; comparable only within one answer). */
public record SearchHit(String articleId, String slug, String title, String summary, String categoryId, double score) {}
