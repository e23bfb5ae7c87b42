package nl.klantportaal.billing.adapter.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.billing.domain.invoice.Amount;
import nl.klantportaal.billing.domain.invoice.BillTo;
import nl.klantportaal.billing.domain.invoice.Invoice;
import nl.klantportaal.billing.domain.invoice.InvoiceLine;
import nl.klantportaal.billing.domain.invoice.InvoiceNumber;
import nl.klantportaal.billing.domain.invoice.InvoiceState;
import nl.klantportaal.billing.domain.invoice.VatRate;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Language;
import org.junit.jupiter.api.Test;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The invoice PDFs against LocalStack's S3 with the template's bucket set-up (versioned, Object Lock in
 * compliance mode for 7 years): a put with the portal's S3 client settings (checksums only where
 * required) is accepted thanks to its Content-MD5, the stored PDF carries the retention, and the
 * presigned link answers it as an attachment. Runs where a Docker engine exists; skipped cleanly (not
 * failed) where none does, as here.
 */
@Testcontainers(disabledWithoutDocker = true)
class InvoiceStorageContainerIT {

  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices("s3");

  @Test
  void aFinalInvoiceIsStoredUnderItsRetentionAndDownloadedAsAnAttachment() throws Exception {
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(LOCALSTACK.getAccessKey(),
        LOCALSTACK.getSecretKey()));
    Region region = Region.of(LOCALSTACK.getRegion());
    S3Client s3 = S3Client.builder().endpointOverride(LOCALSTACK.getEndpoint()).region(region).credentialsProvider(credentials)
        .forcePathStyle(true).requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .httpClient(UrlConnectionHttpClient.builder().build()).build();
    S3Presigner presigner = S3Presigner.builder().endpointOverride(LOCALSTACK.getEndpoint()).region(region)
        .credentialsProvider(credentials).serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .build();
    s3.createBucket(r -> r.bucket("invoices-it").objectLockEnabledForBucket(true));
    s3.putObjectLockConfiguration(r -> r.bucket("invoices-it").objectLockConfiguration(c -> c.objectLockEnabled("Enabled")
        .rule(rule -> rule.defaultRetention(d -> d.mode(ObjectLockRetentionMode.COMPLIANCE).years(7)))));
    var documents = new S3InvoiceDocuments(s3, presigner, "invoices-it");

    Invoice invoice = finalInvoice();
    assertFalse(documents.exists(invoice));
    byte[] pdf = "%PDF-1.7\nfactuur 2026-00042\n".getBytes(StandardCharsets.ISO_8859_1);
    documents.store(invoice, pdf);
    assertTrue(documents.exists(invoice));
    var retention = s3.getObjectRetention(r -> r.bucket("invoices-it").key(S3InvoiceDocuments.key(invoice))).retention();
    assertEquals(ObjectLockRetentionMode.COMPLIANCE, retention.mode());
    assertTrue(retention.retainUntilDate().isAfter(Instant.now().plus(Duration.ofDays(6 * 365))), "kept 7 years");

    var link = documents.link(invoice, Language.NL, Duration.ofMinutes(5));
    HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link.url())).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, download.statusCode());
    assertArrayEquals(pdf, download.body());
    assertEquals("attachment; filename=\"factuur-2026-00042.pdf\"", download.headers().firstValue("content-disposition").orElse(""));
    var english = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(documents.link(invoice, Language.EN,
        Duration.ofMinutes(5)).url())).build(), HttpResponse.BodyHandlers.discarding());
    assertEquals("attachment; filename=\"invoice-2026-00042.pdf\"", english.headers().firstValue("content-disposition").orElse(""),
        "named in the reader's language; the key stays " + S3InvoiceDocuments.key(invoice));
  }

  private static Invoice finalInvoice() {
    var line = InvoiceLine.of("Beheer", BigDecimal.ONE, InvoiceLine.Unit.MONTH, Amount.euros("100.00"), VatRate.STANDARD,
        new InvoiceLine.Source.Manual());
    var draft = new Invoice("2026-12-01.k3j9pq", new TenantId("acme-ls"), Invoice.Kind.INVOICE,
        new Invoice.Supply(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)), List.of(line), InvoiceState.DRAFT, Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Language.NL, Optional.empty(), Optional.empty(), 0, true,
        Instant.parse("2026-12-01T08:00:00Z"), 0);
    return draft.finalise(new InvoiceNumber(2026, 42), LocalDate.of(2026, 12, 1), 14,
        new BillTo("Acme", List.of("Utrecht"), Optional.empty()));
  }
}
