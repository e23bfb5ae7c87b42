package nl.klantportaal.billing.domain.invoice;

import java.math.BigDecimal;
import nl.klantportaal.core.shared.domain.LocalizedText;
import nl.klantportaal.core.shared.domain.WireEnum;

/**
 * The Dutch VAT rates an invoice line can carry: 21 % (the default), 9 %, 0 %, exempt, and
 * reverse-charged ("btw verlegd": the customer accounts for the VAT; the invoice says so and names
 * the customer's VAT ID). Any other rate is refused (400).
 */
public enum VatRate implements WireEnum {
  STANDARD("21", new BigDecimal("0.21"), new LocalizedText("21% btw", "21% VAT", "21% MwSt.")),
  REDUCED("9", new BigDecimal("0.09"), new LocalizedText("9% btw", "9% VAT", "9% MwSt.")),
  ZERO("0", BigDecimal.ZERO, new LocalizedText("0% btw", "0% VAT", "0% MwSt.")),
  EXEMPT("exempt", BigDecimal.ZERO, new LocalizedText("Vrijgesteld van btw", "VAT exempt", "Steuerfrei")),
  REVERSE_CHARGE("reverse-charge", BigDecimal.ZERO,
      new LocalizedText("Btw verlegd", "VAT reverse-charged", "Steuerschuldnerschaft des Leistungsempfängers"));

  public static final VatRate DEFAULT = STANDARD;

  private final String wireName;
  private final BigDecimal fraction;
  private final LocalizedText label;

  VatRate(String wireName, BigDecimal fraction, LocalizedText label) {
    this.wireName = wireName;
    this.fraction = fraction;
    this.label = label;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** The share of the base that is VAT: 0.21 for 21 %. */
  public BigDecimal fraction() {
    return fraction;
  }

  public LocalizedText label() {
    return label;
  }
}
