package nl.klantportaal.knowledge.search.domain;

/** What the index keeps of an article besides its postings: what a hit shows, who may see it, its field lengths. */
record IndexedArticle(
    String articleId,
    String slug,
    String title,
    String summary,
    String categoryId,
    Visibility visibility,
    String customerId,
    int[] lengths) {}
