package nl.klantportaal.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation/SAM YAML. Short-form intrinsics ({@code !Ref X}, {@code !GetAtt A.B},
 * {@code !Sub ...}) become their long form ({@code {Ref: X}}, {@code {Fn::GetAtt: [A, B]}}), so the
 * rest of the code sees one shape whatever the author wrote.
 */
final class CloudFormationYaml {

  private static final List<String> FUNCTIONS = List.of(
      "Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split",
      "Sub", "Transform", "If", "Equals", "Not", "And", "Or", "Length", "ToJsonString");

  private CloudFormationYaml() {}

  static Map<String, Object> read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setCodePointLimit(8 * 1024 * 1024);
      Object root = new Yaml(new IntrinsicConstructor(options)).load(reader);
      if (!(root instanceof Map<?, ?> map)) {
        throw new IOException(file + " is not a YAML mapping");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> typed = (Map<String, Object>) map;
      return typed;
    }
  }

  private static final class IntrinsicConstructor extends SafeConstructor {
    IntrinsicConstructor(LoaderOptions options) {
      super(options);
      yamlConstructors.put(new Tag("!Ref"), new LongForm("Ref"));
      yamlConstructors.put(new Tag("!Condition"), new LongForm("Condition"));
      for (String fn : FUNCTIONS) {
        yamlConstructors.put(new Tag("!" + fn), new LongForm("Fn::" + fn));
      }
    }

    private final class LongForm extends AbstractConstruct {
      private final String key;

      LongForm(String key) {
        this.key = key;
      }

      @Override
      public Object construct(Node node) {
        Object value = switch (node) {
          case ScalarNode scalar -> {
            String text = constructScalar(scalar);
            yield key.equals("Fn::GetAtt") ? List.of(text.split("\\.", 2)) : text;
          }
          case SequenceNode sequence -> constructSequence(sequence);
          case MappingNode mapping -> constructMapping(mapping);
          default -> throw new IllegalStateException("Unexpected YAML node " + node.getNodeId());
        };
        return Map.of(key, value);
      }
    }
  }
}
