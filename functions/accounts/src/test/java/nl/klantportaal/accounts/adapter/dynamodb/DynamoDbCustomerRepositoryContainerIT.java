package nl.klantportaal.accounts.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.CursorCodec;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
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

/**
 * The DynamoDB adapter against LocalStack's DynamoDB, with the table from template.yaml. Runs where
 * a Docker engine exists; skipped cleanly (not failed) where none does, as on the build machines here.
 */
@Testcontainers(disabledWithoutDocker = true)
class DynamoDbCustomerRepositoryContainerIT {

  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices("dynamodb");

  @Test
  void createsListsAndGuardsVersionsOnLocalStack() {
    DynamoDbClient client = DynamoDbClient.builder()
        .endpointOverride(LOCALSTACK.getEndpoint())
        .region(Region.of(LOCALSTACK.getRegion()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .build();
    TableDefinition definition = TableDefinition.of(SamTemplate.project().resource("PortalTable").orElseThrow());
    client.createTable(definition.createTableRequest("portal-it"));
    client.waiter().waitUntilTableExists(r -> r.tableName("portal-it"));
    var repository = new DynamoDbCustomerRepository(
        new PortalTable(client, "portal-it", new CursorCodec("0123456789abcdef0123456789abcdef".getBytes())));

    Instant now = Instant.parse("2026-11-23T09:00:00Z");
    Customer v1 = new Customer(new TenantId("acme-ls"),
        new CustomerDetails("Acme", List.of("acme.example.test"), SlaTier.GOUD, Language.EN, Optional.empty()), now, now, 1);
    repository.create(v1);
    assertEquals(List.of(v1), repository.list(PageRequest.first(10)).items());
    Customer v2 = new Customer(v1.id(), v1.details(), now, now, 2);
    repository.update(v1, v2);
    assertThrows(DomainException.Conflict.class, () -> repository.update(v1, v2));
  }
}
