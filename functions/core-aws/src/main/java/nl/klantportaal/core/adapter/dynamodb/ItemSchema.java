package nl.klantportaal.core.adapter.dynamodb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTag;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableMetadata;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table schema written by hand: each item type says in one {@link #write} and one {@link #read}
 * method how its fields become attributes and back. {@code StaticTableSchema} needs a getter and a
 * setter lambda per attribute, and each lambda is a class the JVM spins at its first use: 444 of them in
 * a cold {@code POST /tickets} (the latency issue). Here an item type costs one class.
 *
 * <p>The attribute values are those {@code StaticTableSchema}'s default converters write, so items
 * written before read the same: a string is {@code S}, a {@code Long} {@code N}, a {@code Boolean}
 * {@code BOOL}, a list of strings {@code L} of {@code S}, a map of strings {@code M} of {@code S}. With
 * {@code ignoreNulls} false, an absent value is written as {@code NUL}, which an update turns into a
 * {@code REMOVE}, as the static schema's does. The keys, index keys and version attribute are declared
 * through the SDK's own attribute tags, so the enhanced client and its {@link VersionedRecordExtension}
 * see the metadata they saw before.
 */
public abstract class ItemSchema<T> implements TableSchema<T> {
  private final EnhancedType<T> type;
  private final TableMetadata metadata;
  private final List<String> attributeNames;

  /**
   * {@code blank}: an item with no field set; the attributes {@link #write} writes for it with absent
   * values kept are the schema's attribute names. A subclass keeps no state, so calling {@link #write}
   * here is safe.
   */
  protected ItemSchema(Class<T> type, Metadata metadata, T blank) {
    this.type = EnhancedType.of(type);
    this.metadata = metadata.build();
    Out all = new Out(false, 32);
    write(blank, all);
    this.attributeNames = List.copyOf(all.attributes.keySet());
  }

  /** Writes the item's attributes; {@link Out} leaves absent values out or writes them as {@code NUL}. */
  protected abstract void write(T item, Out out);

  /** The item from its attributes; an attribute the map lacks (or holds as {@code NUL}) reads as null. */
  protected abstract T read(In in);

  @Override
  public final T mapToItem(Map<String, AttributeValue> attributes) {
    // as StaticTableSchema answers: no item for no attributes
    return attributes == null || attributes.isEmpty() ? null : read(new In(attributes));
  }

  @Override
  public final Map<String, AttributeValue> itemToMap(T item, boolean ignoreNulls) {
    Out out = new Out(ignoreNulls, attributeNames.size());
    write(item, out);
    return out.attributes;
  }

  @Override
  public final Map<String, AttributeValue> itemToMap(T item, Collection<String> attributes) {
    Map<String, AttributeValue> all = itemToMap(item, true);
    // as StaticTableSchema answers: every name asked for, an absent one with a null value
    Map<String, AttributeValue> chosen = new HashMap<>();
    for (String name : attributes) {
      chosen.put(name, all.get(name));
    }
    return chosen;
  }

  @Override
  public final AttributeValue attributeValue(T item, String attributeName) {
    return itemToMap(item, true).get(attributeName); // null when absent, as StaticTableSchema answers
  }

  @Override
  public final TableMetadata tableMetadata() {
    return metadata;
  }

  @Override
  public final EnhancedType<T> itemType() {
    return type;
  }

  @Override
  public final List<String> attributeNames() {
    return attributeNames;
  }

  @Override
  public final boolean isAbstract() {
    return false;
  }

  /** The keys of an item type: the table's PK and SK, the index keys it carries, its version attribute. */
  public static final class Metadata {
    private final StaticTableMetadata.Builder builder = StaticTableMetadata.builder();

    private Metadata() {
      tag(StaticAttributeTags.primaryPartitionKey(), Keys.PK, AttributeValueType.S);
      tag(StaticAttributeTags.primarySortKey(), Keys.SK, AttributeValueType.S);
    }

    /** PK and SK, both strings. */
    public static Metadata keys() {
      return new Metadata();
    }

    /** A string attribute that is the partition key of {@code index}. */
    public Metadata indexPartitionKey(String index, String attribute) {
      return tag(StaticAttributeTags.secondaryPartitionKey(index), attribute, AttributeValueType.S);
    }

    /** A string attribute that is the sort key of {@code index}. */
    public Metadata indexSortKey(String index, String attribute) {
      return tag(StaticAttributeTags.secondarySortKey(index), attribute, AttributeValueType.S);
    }

    /** The number attribute {@link VersionedRecordExtension} checks and increments on every write. */
    public Metadata version(String attribute) {
      return tag(VersionedRecordExtension.AttributeTags.versionAttribute(), attribute, AttributeValueType.N);
    }

    TableMetadata build() {
      return builder.build();
    }

    private Metadata tag(StaticAttributeTag tag, String attribute, AttributeValueType type) {
      tag.modifyMetadata(attribute, type).accept(builder);
      return this;
    }
  }

  /** Where {@link #write} puts an item's attributes. */
  public static final class Out {
    static final AttributeValue NUL = AttributeValue.fromNul(true);

    private final boolean ignoreNulls;
    private final Map<String, AttributeValue> attributes;

    Out(boolean ignoreNulls, int size) {
      this.ignoreNulls = ignoreNulls;
      this.attributes = LinkedHashMap.newLinkedHashMap(size);
    }

    public Out string(String name, String value) {
      return put(name, value == null ? null : AttributeValue.fromS(value));
    }

    public Out number(String name, Long value) {
      return put(name, value == null ? null : AttributeValue.fromN(value.toString()));
    }

    public Out bool(String name, Boolean value) {
      return put(name, value == null ? null : AttributeValue.fromBool(value));
    }

    public Out strings(String name, List<String> values) {
      if (values == null) {
        return put(name, null);
      }
      List<AttributeValue> list = new ArrayList<>(values.size());
      for (String v : values) {
        list.add(v == null ? NUL : AttributeValue.fromS(v));
      }
      return put(name, AttributeValue.fromL(list));
    }

    public Out stringMap(String name, Map<String, String> values) {
      if (values == null) {
        return put(name, null);
      }
      Map<String, AttributeValue> map = LinkedHashMap.newLinkedHashMap(values.size());
      for (Map.Entry<String, String> e : values.entrySet()) {
        map.put(e.getKey(), e.getValue() == null ? NUL : AttributeValue.fromS(e.getValue()));
      }
      return put(name, AttributeValue.fromM(map));
    }

    /** A set of strings as {@code SS}. */
    public Out stringSet(String name, Set<String> values) {
      return put(name, values == null ? null : AttributeValue.fromSs(List.copyOf(values)));
    }

    public Out boolMap(String name, Map<String, Boolean> values) {
      if (values == null) {
        return put(name, null);
      }
      Map<String, AttributeValue> map = LinkedHashMap.newLinkedHashMap(values.size());
      for (Map.Entry<String, Boolean> e : values.entrySet()) {
        map.put(e.getKey(), e.getValue() == null ? NUL : AttributeValue.fromBool(e.getValue()));
      }
      return put(name, AttributeValue.fromM(map));
    }

    private Out put(String name, AttributeValue value) {
      if (value != null) {
        attributes.put(name, value);
      } else if (!ignoreNulls) {
        attributes.put(name, NUL);
      }
      return this;
    }
  }

  /** What {@link #read} reads an item's attributes from. */
  public static final class In {
    private final Map<String, AttributeValue> attributes;

    In(Map<String, AttributeValue> attributes) {
      this.attributes = attributes;
    }

    public String string(String name) {
      AttributeValue v = present(name);
      return v == null ? null : v.s();
    }

    public Long number(String name) {
      AttributeValue v = present(name);
      return v == null ? null : Long.valueOf(v.n() != null ? v.n() : v.s());
    }

    public Boolean bool(String name) {
      AttributeValue v = present(name);
      return v == null ? null : v.bool();
    }

    public List<String> strings(String name) {
      AttributeValue v = present(name);
      if (v == null) {
        return null;
      }
      List<String> list = new ArrayList<>(v.l().size());
      for (AttributeValue e : v.l()) {
        list.add(Boolean.TRUE.equals(e.nul()) ? null : e.s());
      }
      return list;
    }

    public Map<String, String> stringMap(String name) {
      AttributeValue v = present(name);
      if (v == null) {
        return null;
      }
      Map<String, String> map = LinkedHashMap.newLinkedHashMap(v.m().size());
      for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
        map.put(e.getKey(), Boolean.TRUE.equals(e.getValue().nul()) ? null : e.getValue().s());
      }
      return map;
    }

    public Set<String> stringSet(String name) {
      AttributeValue v = present(name);
      return v == null ? null : new LinkedHashSet<>(v.ss());
    }

    public Map<String, Boolean> boolMap(String name) {
      AttributeValue v = present(name);
      if (v == null) {
        return null;
      }
      Map<String, Boolean> map = LinkedHashMap.newLinkedHashMap(v.m().size());
      for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
        map.put(e.getKey(), Boolean.TRUE.equals(e.getValue().nul()) ? null : e.getValue().bool());
      }
      return map;
    }

    private AttributeValue present(String name) {
      AttributeValue v = attributes.get(name);
      return v == null || Boolean.TRUE.equals(v.nul()) ? null : v;
    }
  }
}
