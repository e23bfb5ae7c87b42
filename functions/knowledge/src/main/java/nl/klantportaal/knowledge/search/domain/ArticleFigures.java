package nl.klantportaal.knowledge.search.domain;

/** How often an article was suggested for a new ticket, opened from a suggestion, and deflected a ticket. */
public record ArticleFigures(String articleId, long shown, long opened, long deflected) {}
