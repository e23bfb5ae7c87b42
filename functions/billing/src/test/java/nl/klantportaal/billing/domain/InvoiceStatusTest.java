package nl.klantportaal.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.klantportaal.core.shared.domain.Language;
import org.junit.jupiter.api.Test;

/** The seed's invoice statuses: labels, which may be corrected, and the stored form. */
class InvoiceStatusTest {

  @Test
  void invoicedTimeReadsWithItsInvoiceNumberInEachLanguage() {
    InvoiceStatus invoiced = new InvoiceStatus.Invoiced("2026-00012");
    assertEquals("Gefactureerd Factuur #2026-00012", invoiced.label().in(Language.NL));
    assertEquals("Invoiced, invoice #2026-00012", invoiced.label().in(Language.EN));
    assertEquals("Nog te factureren", new InvoiceStatus.ToInvoice().label().in(Language.NL));
    assertThrows(IllegalArgumentException.class, () -> new InvoiceStatus.Invoiced(" "));
  }

  @Test
  void invoicedTimeIsTheOnlyTimeACorrectionMayNotReverse() {
    assertFalse(new InvoiceStatus.Invoiced("9").correctable());
    assertTrue(new InvoiceStatus.ToInvoice().correctable());
    assertTrue(new InvoiceStatus.InBundle("b").correctable());
    assertTrue(new InvoiceStatus.Service().correctable());
  }

  @Test
  void theSeedsLabelsAndStoredFormRoundTrip() {
    assertEquals("Urenbundel", new InvoiceStatus.InBundle("b").label().in(Language.NL));
    assertEquals("Ad-Hoc Service", new InvoiceStatus.Service().label().in(Language.NL));
    assertEquals("Noch abzurechnen", new InvoiceStatus.ToInvoice().label().in(Language.DE));
    for (InvoiceStatus status : new InvoiceStatus[] {new InvoiceStatus.ToInvoice(), new InvoiceStatus.Invoiced("77"),
        new InvoiceStatus.InBundle("b-1"), new InvoiceStatus.Service()}) {
      assertEquals(status, InvoiceStatus.parse(status.wireName(), status.detail()));
    }
  }
}
