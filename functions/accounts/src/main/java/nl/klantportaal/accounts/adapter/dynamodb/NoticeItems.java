package nl.klantportaal.accounts.adapter.dynamodb;

import java.util.Map;
import nl.klantportaal.accounts.identity.domain.AccountNotice;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stored form of an account notice, written into the transaction of the profile change that makes it due
 * ({@link DynamoDbUserRepository}): the item of the context that sends it, in that context's format (the identity
 * function's outbox adapter: a PENDING outbox entry). The repository puts it only if no item with its key exists.
 */
public interface NoticeItems {

  Map<String, AttributeValue> item(AccountNotice notice);
}
