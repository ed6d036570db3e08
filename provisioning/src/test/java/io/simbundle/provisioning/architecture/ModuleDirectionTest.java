package io.simbundle.provisioning.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module graph points one way: provisioning → rules → catalog and provisioning →
 * charging-adapter → catalog, all of them on platform, at the bottom.
 */
class ModuleDirectionTest {

  private static final String PLATFORM = "io.simbundle.platform..";
  private static final String CATALOG = "io.simbundle.catalog..";
  private static final String RULES = "io.simbundle.rules..";
  private static final String CHARGING = "io.simbundle.charging..";
  private static final String PROVISIONING = "io.simbundle.provisioning..";

  private static final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.simbundle");

  @Test
  void platformDependsOnNoModule() {
    noClasses()
        .that()
        .resideInAPackage(PLATFORM)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(CATALOG, RULES, CHARGING, PROVISIONING)
        .check(classes);
  }

  @Test
  void catalogDependsOnlyOnPlatform() {
    noClasses()
        .that()
        .resideInAPackage(CATALOG)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(RULES, CHARGING, PROVISIONING)
        .check(classes);
  }

  @Test
  void rulesDependOnlyOnCatalog() {
    noClasses()
        .that()
        .resideInAPackage(RULES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(CHARGING, PROVISIONING)
        .check(classes);
  }

  @Test
  void chargingAdapterNeverImportsProvisioningOrRules() {
    noClasses()
        .that()
        .resideInAPackage(CHARGING)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(RULES, PROVISIONING)
        // Holds vacuously until the charging-adapter module has classes of its own.
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void modulesHaveNoCycles() {
    slices()
        .matching("io.simbundle.(*)..")
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(true)
        .check(classes);
  }
}
