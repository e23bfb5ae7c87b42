package nl.klantportaal.knowledge.search.domain;

/** A term's occurrences in one article: the article's position in the index and the term frequency per {@link Field}. */
record Posting(int article, int[] frequencies) {}
