package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.klantportaal.template.SamTemplate;
import org.junit.jupiter.api.Test;

/**
 * The local cloud runs every function from its template CodeUri, a jar another module builds. Maven
 * builds a module before this one only when this one depends on it, and {@code ./klantportaal test}
 * builds two modules at a time, so every such module must be a dependency (and so on this test class
 * path), or a flow test could start before its artefact is packaged.
 */
class BuildOrderTest {

  @Test
  void everyModuleWhoseArtefactTheTemplateNamesIsADependencyOfTheLocalCloud() {
    SamTemplate template = SamTemplate.project();
    Set<String> artefactModules = new TreeSet<>();
    for (SamTemplate.Resource function : template.resourcesOfType("AWS::Serverless::Function")) {
      Object codeUri = template.functionProperties(function).get("CodeUri");
      if (codeUri != null && codeUri.toString().startsWith("functions/")) {
        artefactModules.add(codeUri.toString().split("/")[1]);
      }
    }
    List<String> classPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    Set<String> missing = new TreeSet<>();
    for (String module : artefactModules) {
      String built = File.separator + "functions" + File.separator + module + File.separator;
      String installed = File.separator + "nl" + File.separator + "klantportaal" + File.separator + module + File.separator;
      if (classPath.stream().noneMatch(p -> p.contains(built) || p.contains(installed))) {
        missing.add(module);
      }
    }
    assertEquals(Set.of(), missing, "modules whose artefact the local cloud runs but infrastructure/local/pom.xml "
        + "does not depend on (add each as a test-scoped dependency without its own dependencies): " + artefactModules);
  }
}
