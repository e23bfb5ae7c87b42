package nl.klantportaal.knowledge.search.domain;

/** The fields of an indexed article and their weights in the ranking (title above summary and tags above body). */
public enum Field {
  TITLE(3.0),
  SUMMARY(1.5),
  TAGS(1.5),
  BODY(1.0);

  private final double weight;

  Field(double weight) {
    this.weight = weight;
  }

  double weight() {
    return weight;
  }

  String of(SearchDocument document) {
    return switch (this) {
      case TITLE -> document.title();
      case SUMMARY -> document.summary();
      case TAGS -> String.join(" ", document.tags());
      case BODY -> document.bodyText();
    };
  }
}
