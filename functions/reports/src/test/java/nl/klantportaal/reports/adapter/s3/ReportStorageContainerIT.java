package nl.klantportaal.reports.adapter.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import nl.klantportaal.core.adapter.dynamodb.CursorCodec;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.reports.adapter.dynamodb.DynamoDbReportRecords;
import nl.klantportaal.reports.domain.ReportMonth;
import nl.klantportaal.reports.domain.ReportRecord;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.template.TableDefinition;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The reports' storage against LocalStack: the PDF in S3 with a presigned download that answers it as
 * an attachment, and the month's record in the template's table, replaced only by a later version.
 * Runs where a Docker engine exists; skipped cleanly (not failed) where none does, as here.
 */
@Testcontainers(disabledWithoutDocker = true)
class ReportStorageContainerIT {

  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices("s3", "dynamodb");

  @Test
  void aReportIsStoredDownloadedAsAnAttachmentAndReplacedOnlyByALaterVersion() throws Exception {
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(LOCALSTACK.getAccessKey(),
        LOCALSTACK.getSecretKey()));
    Region region = Region.of(LOCALSTACK.getRegion());
    S3Client s3 = S3Client.builder().endpointOverride(LOCALSTACK.getEndpoint()).region(region).credentialsProvider(credentials)
        .forcePathStyle(true).httpClient(UrlConnectionHttpClient.builder().build()).build();
    S3Presigner presigner = S3Presigner.builder().endpointOverride(LOCALSTACK.getEndpoint()).region(region)
        .credentialsProvider(credentials).serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .build();
    s3.createBucket(r -> r.bucket("reports-it"));
    var files = new S3ReportFiles(s3, presigner, "reports-it");
    byte[] pdf = "%PDF-1.7\nrapportage\n".getBytes(StandardCharsets.ISO_8859_1);
    files.put("reports/acme-ls/2026-11/v1.pdf", pdf);
    assertArrayEquals(pdf, files.read("reports/acme-ls/2026-11/v1.pdf").orElseThrow());
    assertEquals(Optional.empty(), files.read("reports/acme-ls/2026-10/v1.pdf"));

    var link = files.presignDownload("reports/acme-ls/2026-11/v1.pdf", "rapportage-2026-11.pdf", Duration.ofMinutes(5));
    HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(link.url()).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, download.statusCode());
    assertArrayEquals(pdf, download.body());
    assertEquals("attachment; filename=\"rapportage-2026-11.pdf\"", download.headers().firstValue("content-disposition").orElse(""));

    DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(LOCALSTACK.getEndpoint()).region(region)
        .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.builder().build()).build();
    TableDefinition definition = TableDefinition.of(SamTemplate.project().resource("PortalTable").orElseThrow());
    dynamoDb.createTable(definition.createTableRequest("portal-reports-it"));
    dynamoDb.waiter().waitUntilTableExists(r -> r.tableName("portal-reports-it"));
    var records = new DynamoDbReportRecords(new PortalTable(dynamoDb, "portal-reports-it",
        new CursorCodec("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII))));
    TenantId acme = new TenantId("acme-ls");
    ReportMonth november = ReportMonth.parse("2026-11");
    Instant at = Instant.parse("2026-12-01T05:00:00Z");
    var v1 = new ReportRecord(acme, november, 1, "reports/acme-ls/2026-11/v1.pdf", at, 3, pdf.length);
    assertTrue(records.save(v1, "schedule", at));
    assertFalse(records.save(v1, "schedule", at), "the same version again replaces nothing");
    var v2 = new ReportRecord(acme, november, 2, "reports/acme-ls/2026-11/v2.pdf", at.plusSeconds(60), 3, pdf.length);
    assertTrue(records.save(v2, "admin", at.plusSeconds(60)));
    assertFalse(records.save(v1, "schedule", at.plusSeconds(120)), "an older version never replaces a newer one");
    assertEquals(Optional.of(v2), records.find(acme, november));
  }
}
