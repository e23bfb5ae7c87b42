package nl.klantportaal.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/** An {@code AWS::DynamoDB::Table} of the template as the SDK's CreateTable request, so the local table is the deployed one. */
public record TableDefinition(String logicalId, Map<String, Object> properties) {

  public static TableDefinition of(SamTemplate.Resource resource) {
    if (!SamTemplate.TABLE.equals(resource.type())) {
      throw new IllegalArgumentException(resource.logicalId() + " is not a DynamoDB table");
    }
    return new TableDefinition(resource.logicalId(), resource.properties());
  }

  public CreateTableRequest createTableRequest(String tableName) {
    CreateTableRequest.Builder request = CreateTableRequest.builder()
        .tableName(tableName)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Yamls.list(properties.get("AttributeDefinitions")).stream()
            .map(Yamls::map)
            .map(a -> AttributeDefinition.builder()
                .attributeName(Yamls.string(a.get("AttributeName")))
                .attributeType(Yamls.string(a.get("AttributeType")))
                .build())
            .toList())
        .keySchema(keySchema(properties.get("KeySchema")));
    List<GlobalSecondaryIndex> indexes = Yamls.list(properties.get("GlobalSecondaryIndexes")).stream()
        .map(Yamls::map)
        .map(TableDefinition::index)
        .toList();
    if (!indexes.isEmpty()) {
      request.globalSecondaryIndexes(indexes);
    }
    streamViewType().ifPresent(view -> request.streamSpecification(
        StreamSpecification.builder().streamEnabled(true).streamViewType(view).build()));
    return request.build();
  }

  public List<String> indexNames() {
    return Yamls.list(properties.get("GlobalSecondaryIndexes")).stream()
        .map(index -> Yamls.string(Yamls.map(index).get("IndexName")))
        .toList();
  }

  public Optional<String> streamViewType() {
    Map<String, Object> stream = Yamls.map(properties.get("StreamSpecification"));
    return stream.isEmpty() ? Optional.empty() : Optional.of(Yamls.string(stream.get("StreamViewType")));
  }

  public Optional<String> timeToLiveAttribute() {
    Map<String, Object> ttl = Yamls.map(properties.get("TimeToLiveSpecification"));
    return Boolean.parseBoolean(Yamls.string(ttl.get("Enabled")))
        ? Optional.of(Yamls.string(ttl.get("AttributeName")))
        : Optional.empty();
  }

  private static GlobalSecondaryIndex index(Map<String, Object> index) {
    Map<String, Object> projection = Yamls.map(index.get("Projection"));
    Projection.Builder p = Projection.builder().projectionType(Yamls.string(projection.get("ProjectionType")));
    List<Object> nonKey = Yamls.list(projection.get("NonKeyAttributes"));
    if (!nonKey.isEmpty()) {
      p.nonKeyAttributes(nonKey.stream().map(Yamls::string).toList());
    }
    return GlobalSecondaryIndex.builder()
        .indexName(Yamls.string(index.get("IndexName")))
        .keySchema(keySchema(index.get("KeySchema")))
        .projection(p.build())
        .build();
  }

  private static List<KeySchemaElement> keySchema(Object schema) {
    return Yamls.list(schema).stream()
        .map(Yamls::map)
        .map(k -> KeySchemaElement.builder()
            .attributeName(Yamls.string(k.get("AttributeName")))
            .keyType(Yamls.string(k.get("KeyType")))
            .build())
        .toList();
  }
}
