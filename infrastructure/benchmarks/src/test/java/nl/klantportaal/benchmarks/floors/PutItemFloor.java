package nl.klantportaal.benchmarks.floors;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** One conditional PutItem of a new item per request, 201: the least a create can do. */
public final class PutItemFloor implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final DynamoDbClient dynamoDb = Floors.dynamoDb();

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String id = UUID.randomUUID().toString();
    dynamoDb.putItem(r -> r.tableName(Floors.table())
        .item(Map.of("PK", Floors.s("BENCH#" + id), "SK", Floors.s("ITEM"), "body", Floors.s(event.getBody())))
        .conditionExpression("attribute_not_exists(PK)"));
    return Floors.answer(201, "{\"id\":\"" + id + "\"}");
  }
}
