package nl.klantportaal.core.adapter.dynamodb;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item given as its attribute map (one a context writes in its own format, such as an outbox
 * entry), for an enhanced-client transaction that also carries typed items. Its {@link #SCHEMA} maps
 * the attributes as they are. The SDK's document schema does the same, but builds every one of its
 * default attribute converters (about a hundred classes) when it is created, at a cold start.
 */
public record RawItem(Map<String, AttributeValue> attributes) {
  public static final TableSchema<RawItem> SCHEMA = new Schema();

  public RawItem {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  private static final class Schema implements TableSchema<RawItem> {
    private static final EnhancedType<RawItem> TYPE = EnhancedType.of(RawItem.class);
    private static final TableMetadata METADATA = ItemSchema.Metadata.keys().build();

    @Override
    public RawItem mapToItem(Map<String, AttributeValue> attributes) {
      return attributes == null || attributes.isEmpty() ? null : new RawItem(attributes);
    }

    @Override
    public Map<String, AttributeValue> itemToMap(RawItem item, boolean ignoreNulls) {
      Map<String, AttributeValue> map = new LinkedHashMap<>(item.attributes());
      if (ignoreNulls) {
        map.values().removeIf(value -> Boolean.TRUE.equals(value.nul()));
      }
      return map;
    }

    @Override
    public Map<String, AttributeValue> itemToMap(RawItem item, Collection<String> attributes) {
      Map<String, AttributeValue> chosen = new HashMap<>();
      for (String name : attributes) {
        chosen.put(name, item.attributes().get(name));
      }
      return chosen;
    }

    @Override
    public AttributeValue attributeValue(RawItem item, String attributeName) {
      return item.attributes().get(attributeName);
    }

    @Override
    public EnhancedType<RawItem> itemType() {
      return TYPE;
    }

    @Override
    public TableMetadata tableMetadata() {
      return METADATA;
    }

    @Override
    public List<String> attributeNames() {
      return List.of(); // any: the item's own attributes
    }

    @Override
    public boolean isAbstract() {
      return false;
    }
  }
}
