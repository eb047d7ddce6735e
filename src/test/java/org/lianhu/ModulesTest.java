package org.lianhu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries, checked in the build (Spring Modulith): each top-level package under
 * org.lianhu is a module; no module reaches into another's sub-packages and no two depend on each
 * other. The diagrams in docs/modules are checked against the same model, so they show what the
 * code does.
 */
class ModulesTest {

  private static final ApplicationModules MODULES = ApplicationModules.of(LianhuApplication.class);

  @Test
  void theModulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
    MODULES.verify();
  }

  @Test
  void mediationDoesNotDependOnTheCaseLoop() {
    ApplicationModule mediation = MODULES.getModuleByName("mediation").orElseThrow();
    ApplicationModule cases = MODULES.getModuleByName("cases").orElseThrow();

    assertThat(mediation.getDirectDependencies(MODULES).contains(cases)).isFalse();
    assertThat(cases.getDirectDependencies(MODULES).contains(mediation)).isTrue();
  }

  @Test
  void theOrganisationIsDomainAndKnowsNothingOfTheWebLayer() {
    ApplicationModule org = MODULES.getModuleByName("org").orElseThrow();
    ApplicationModule web = MODULES.getModuleByName("web").orElseThrow();

    assertThat(org.getDirectDependencies(MODULES).contains(web)).isFalse();
  }

  /**
   * The diagrams are written to target/ and compared with docs/modules line by line, in any order
   * (the Documenter does not keep one), so the committed diagrams cannot go stale and a test run
   * leaves the work tree as it was. To refresh them: {@code cp target/spring-modulith-docs/*.puml
   * docs/modules/}.
   */
  @Test
  void theModuleDiagramsInDocsAreTheOnesTheCodeDraws() throws IOException {
    Path drawn = Path.of("target/spring-modulith-docs");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(drawn.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml();

    assertThat(pumlFiles(Path.of("docs/modules")))
        .isEqualTo(pumlFiles(drawn))
        .contains("components.puml", "module-cases.puml", "module-mediation.puml");
    for (String file : pumlFiles(drawn)) {
      assertThat(sortedLines(Path.of("docs/modules", file)))
          .as("docs/modules/%s is stale: cp target/spring-modulith-docs/*.puml docs/modules/", file)
          .isEqualTo(sortedLines(drawn.resolve(file)));
    }
  }

  private static Set<String> pumlFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".puml"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static List<String> sortedLines(Path file) throws IOException {
    return Files.readAllLines(file).stream().sorted().toList();
  }
}
