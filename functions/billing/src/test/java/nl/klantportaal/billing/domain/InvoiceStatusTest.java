package nl.klantportaal.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import org.junit.jupiter.api.Test;

/** Every invoice-status transition, allowed and refused, and the seed's labels. */
class InvoiceStatusTest {

  @Test
  void toBeInvoicedIsInvoicedWithItsNumberAndACreditReturnsIt() {
    InvoiceStatus invoiced = new InvoiceStatus.ToInvoice().invoice("12345");
    assertEquals(new InvoiceStatus.Invoiced("12345"), invoiced);
    assertEquals("Gefactureerd Factuur #12345", invoiced.label().in(Language.NL));
    assertEquals(new InvoiceStatus.ToInvoice(), invoiced.credit());
    assertEquals("Nog te factureren", invoiced.credit().label().in(Language.NL));
  }

  @Test
  void onlyTimeToBeInvoicedCanBeInvoiced() {
    for (InvoiceStatus status : new InvoiceStatus[] {new InvoiceStatus.Invoiced("1"), new InvoiceStatus.InBundle("b"),
        new InvoiceStatus.Service()}) {
      assertThrows(DomainException.Conflict.class, () -> status.invoice("2"), status.toString());
    }
  }

  @Test
  void onlyInvoicedTimeCanBeCredited() {
    for (InvoiceStatus status : new InvoiceStatus[] {new InvoiceStatus.ToInvoice(), new InvoiceStatus.InBundle("b"),
        new InvoiceStatus.Service()}) {
      assertThrows(DomainException.Conflict.class, status::credit, status.toString());
    }
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
