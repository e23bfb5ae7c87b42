package nl.klantportaal.local;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.template.TableDefinition;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** Creates, or brings up to date, the template's tables (GSIs, stream, TTL) and buckets. */
public final class DataProvisioner {

  private final SamTemplate template;
  private final LocalNames names;

  public DataProvisioner(SamTemplate template, LocalNames names) {
    this.template = template;
    this.names = names;
  }

  public void tables(DynamoDbClient dynamoDb) {
    for (SamTemplate.Resource resource : template.resourcesOfType(SamTemplate.TABLE)) {
      TableDefinition definition = TableDefinition.of(resource);
      String name = LocalNames.tableName(resource.logicalId());
      CreateTableRequest wanted = definition.createTableRequest(name);
      TableDescription table = describe(dynamoDb, name)
          .map(existing -> update(dynamoDb, wanted, existing))
          .orElseGet(() -> dynamoDb.createTable(wanted).tableDescription());
      definition.timeToLiveAttribute().ifPresent(attribute -> enableTimeToLive(dynamoDb, name, attribute));
      if (table.latestStreamArn() != null) {
        names.assign(resource.logicalId(), "StreamArn", table.latestStreamArn());
      }
    }
  }

  private static void enableTimeToLive(DynamoDbClient dynamoDb, String table, String attribute) {
    TimeToLiveDescription current = dynamoDb.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
    boolean on = current.timeToLiveStatus() == TimeToLiveStatus.ENABLED || current.timeToLiveStatus() == TimeToLiveStatus.ENABLING;
    if (on && attribute.equals(current.attributeName())) {
      return;
    }
    if (on) {
      dynamoDb.updateTimeToLive(r -> r.tableName(table)
          .timeToLiveSpecification(t -> t.attributeName(current.attributeName()).enabled(false)));
    }
    dynamoDb.updateTimeToLive(r -> r.tableName(table).timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true)));
  }

  private static TableDescription update(DynamoDbClient dynamoDb, CreateTableRequest wanted, TableDescription existing) {
    Set<String> present = existing.globalSecondaryIndexes().stream()
        .map(GlobalSecondaryIndexDescription::indexName).collect(Collectors.toSet());
    for (GlobalSecondaryIndex index : wanted.globalSecondaryIndexes()) {
      if (!present.contains(index.indexName())) {
        System.out.println("Adding index " + index.indexName() + " to table " + wanted.tableName());
        dynamoDb.updateTable(r -> r.tableName(wanted.tableName())
            .attributeDefinitions(wanted.attributeDefinitions())
            .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                .create(CreateGlobalSecondaryIndexAction.builder().indexName(index.indexName())
                    .keySchema(index.keySchema()).projection(index.projection()).build())
                .build()));
      }
    }
    boolean wantsStream = wanted.streamSpecification() != null;
    boolean hasStream = existing.streamSpecification() != null && Boolean.TRUE.equals(existing.streamSpecification().streamEnabled());
    if (wantsStream && !hasStream) {
      System.out.println("Enabling the stream of table " + wanted.tableName());
      dynamoDb.updateTable(r -> r.tableName(wanted.tableName()).streamSpecification(wanted.streamSpecification()));
    }
    return describe(dynamoDb, wanted.tableName()).orElseThrow();
  }

  private static java.util.Optional<TableDescription> describe(DynamoDbClient dynamoDb, String name) {
    try {
      return java.util.Optional.of(dynamoDb.describeTable(r -> r.tableName(name)).table());
    } catch (ResourceNotFoundException absent) {
      return java.util.Optional.empty();
    }
  }

  public List<String> buckets(S3Client s3) {
    List<String> buckets = template.resourcesOfType("AWS::S3::Bucket").stream()
        .map(resource -> LocalNames.bucketName(resource.logicalId())).toList();
    for (String bucket : buckets) {
      try {
        s3.headBucket(r -> r.bucket(bucket));
      } catch (NoSuchBucketException absent) {
        s3.createBucket(r -> r.bucket(bucket));
      }
    }
    return buckets;
  }
}
