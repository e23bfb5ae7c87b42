package nl.klantportaal.billing.domain.invoice;

/**
 * A number in the provider's gapless yearly series ({@code 2026-00042}): the year of the invoice date
 * and the sequence within it, given at finalising. Credit invoices take the next number of the same
 * series. Dutch invoicing requires one unbroken series; the table's counter gives it (docs/billing.md).
 */
public record InvoiceNumber(int year, int sequence) implements Comparable<InvoiceNumber> {
  public InvoiceNumber {
    if (year < 2000 || year > 9999 || sequence < 1 || sequence > 99_999) {
      throw new IllegalArgumentException("An invoice number is a year and a sequence of 1 to 99,999");
    }
  }

  public static InvoiceNumber parse(String text) {
    String[] parts = text.split("-", 2);
    if (parts.length != 2 || parts[0].length() != 4 || parts[1].length() != 5) {
      throw new IllegalArgumentException("An invoice number reads 2026-00042");
    }
    try {
      return new InvoiceNumber(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("An invoice number reads 2026-00042", e);
    }
  }

  @Override
  public int compareTo(InvoiceNumber other) {
    return year != other.year ? Integer.compare(year, other.year) : Integer.compare(sequence, other.sequence);
  }

  @Override
  public String toString() {
    return String.format("%04d-%05d", year, sequence);
  }
}
