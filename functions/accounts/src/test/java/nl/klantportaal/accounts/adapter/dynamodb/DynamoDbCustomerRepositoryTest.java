package nl.klantportaal.accounts.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.CursorCodec;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.paging.InvalidCursorException;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.testing.LocalDynamoDb;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbCustomerRepositoryTest {
  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  private static PortalTable table;
  private static DynamoDbCustomerRepository repository;

  @BeforeAll
  static void table() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    table = new PortalTable(dynamoDb.client(), dynamoDb.createPortalTable(),
        new CursorCodec("0123456789abcdef0123456789abcdef".getBytes()));
    repository = new DynamoDbCustomerRepository(table);
  }

  private static Customer customer(String id, String name, List<String> domains, long version) {
    return new Customer(new TenantId(id), new CustomerDetails(name, domains, SlaTier.BRONS, Language.NL, Optional.empty()),
        T0, T0, version);
  }

  @Test
  void storesUnderTheTenantKeyAndReadsBack() {
    Customer acme = customer("acme-store", "Acme", List.of("acme-store.example.test"), 1);
    repository.create(acme);
    assertEquals(Optional.of(acme), repository.find(acme.id()));
    var item = table.client().getItem(r -> r.tableName(table.name()).key(java.util.Map.of(
        "PK", AttributeValue.fromS("TENANT#acme-store"), "SK", AttributeValue.fromS("CUSTOMER")))).item();
    assertEquals("CUSTOMERS", item.get("GSI1PK").s());
    assertEquals("acme#acme-store", item.get("GSI1SK").s());
    assertEquals(Optional.of(acme.id()), repository.findByDomain("acme-store.example.test"));
  }

  @Test
  void refusesASecondCustomerWithTheSameIdOrDomain() {
    repository.create(customer("dup-one", "Dup", List.of("dup.example.test"), 1));
    var sameId = assertThrows(DomainException.Conflict.class,
        () -> repository.create(customer("dup-one", "Dup again", List.of(), 1)));
    assertEquals(DomainException.Conflict.Kind.ALREADY_EXISTS, sameId.kind());
    var sameDomain = assertThrows(DomainException.Conflict.class,
        () -> repository.create(customer("dup-two", "Other", List.of("dup.example.test"), 1)));
    assertEquals(DomainException.Conflict.Kind.ALREADY_EXISTS, sameDomain.kind());
    assertEquals(Optional.empty(), repository.find(new TenantId("dup-two")), "the transaction wrote nothing");
  }

  @Test
  void updatesWithTheStoredVersionAndRefusesAStaleOne() {
    Customer v1 = customer("ver-test", "Versions", List.of("old.ver.example.test"), 1);
    repository.create(v1);
    Customer v2 = customer("ver-test", "Versions 2", List.of("new.ver.example.test"), 2);
    repository.update(v1, v2);
    assertEquals(2, repository.find(v1.id()).orElseThrow().version());
    assertEquals(Optional.empty(), repository.findByDomain("old.ver.example.test"), "released domain");
    assertEquals(Optional.of(v1.id()), repository.findByDomain("new.ver.example.test"));

    Customer staleWrite = customer("ver-test", "Lost update", List.of("new.ver.example.test"), 2);
    var conflict = assertThrows(DomainException.Conflict.class, () -> repository.update(v1, staleWrite));
    assertEquals(DomainException.Conflict.Kind.VERSION, conflict.kind());
    assertEquals("Versions 2", repository.find(v1.id()).orElseThrow().name());
  }

  @Test
  void pagesByNameThroughGsi1WithSignedCursors() {
    PortalTable own = new PortalTable(LocalDynamoDb.shared().client(), LocalDynamoDb.shared().createPortalTable(),
        new CursorCodec("0123456789abcdef0123456789abcdef".getBytes()));
    var customers = new DynamoDbCustomerRepository(own);
    for (String name : List.of("Delta", "alfa", "Echo", "Bravo", "charlie")) {
      customers.create(customer(name.toLowerCase() + "-page", name, List.of(), 1));
    }
    List<String> names = new ArrayList<>();
    Page<Customer> page = customers.list(PageRequest.first(2));
    names.addAll(page.items().stream().map(Customer::name).toList());
    while (page.nextCursor().isPresent()) {
      page = customers.list(new PageRequest(page.nextCursor(), 2));
      names.addAll(page.items().stream().map(Customer::name).toList());
    }
    assertEquals(List.of("alfa", "Bravo", "charlie", "Delta", "Echo"), names);

    String cursor = customers.list(PageRequest.first(2)).nextCursor().orElseThrow();
    String tampered = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("A") ? "BB" : "AA");
    assertThrows(InvalidCursorException.class, () -> customers.list(new PageRequest(Optional.of(tampered), 2)));
    var otherKey = new DynamoDbCustomerRepository(new PortalTable(LocalDynamoDb.shared().client(), own.name(),
        new CursorCodec("fedcba9876543210fedcba9876543210".getBytes())));
    assertThrows(InvalidCursorException.class, () -> otherKey.list(new PageRequest(Optional.of(cursor), 2)));
    assertTrue(page.nextCursor().isEmpty());
  }
}
