package org.lianhu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries, checked in the build (Spring Modulith): each top-level package under
 * org.lianhu is a module; no module reaches into another's sub-packages and no two depend on each other.
 * The diagrams in docs/modules are written from the same model, so they show what the code does.
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

  @Test
  void theModuleDiagramsInDocsAreWrittenFromTheCode() {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml();

    assertThat(Path.of("docs/modules/components.puml")).content().contains("Cases").contains("Mediation")
        .contains("Privacy");
    assertThat(Path.of("docs/modules/module-cases.puml")).exists();
  }
}
