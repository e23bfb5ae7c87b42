package nl.klantportaal.knowledge.article.domain;

/** An article as stored, with its counters (kept on the same item, moved only by atomic adds). */
public record CountedArticle(Article article, ArticleCounts counts) {}
