package io.simbundle.provisioning.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * The rooms of provisioning and their one-way doors (docs/ARCHITECTURE.md): the domain rooms —
 * sales, subscription, store, partner, outbox, audit, privacy — know nothing of how they are
 * reached (channels), wired (app) or shown off (demo), and no two rooms lean on each other.
 */
class ProvisioningRoomsTest {

  private static final String[] DOMAIN = {
    "io.simbundle.provisioning.sales..",
    "io.simbundle.provisioning.subscription..",
    "io.simbundle.provisioning.store..",
    "io.simbundle.provisioning.partner..",
    "io.simbundle.provisioning.outbox..",
    "io.simbundle.provisioning.audit..",
    "io.simbundle.provisioning.privacy..",
    "io.simbundle.provisioning.csv..",
    "io.simbundle.provisioning.settlement.."
  };

  private static final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.simbundle.provisioning");

  @Test
  void roomsHaveNoCycles() {
    slices().matching("io.simbundle.provisioning.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void salesRoomsHaveNoCycles() {
    slices()
        .matching("io.simbundle.provisioning.sales.(*)..")
        .should()
        .beFreeOfCycles()
        .check(classes);
  }

  @Test
  void channelRoomsHaveNoCycles() {
    slices()
        .matching("io.simbundle.provisioning.channels.(**)")
        .should()
        .beFreeOfCycles()
        .check(classes);
  }

  @Test
  void domainRoomsNeverDependOnChannelsAppDemoOrLauncher() {
    noClasses()
        .that()
        .resideInAnyPackage(DOMAIN)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.simbundle.provisioning.channels..",
            "io.simbundle.provisioning.app..",
            "io.simbundle.provisioning.demo..",
            "io.simbundle.provisioning.launcher..")
        .check(classes);
  }

  @Test
  void theDemoIsAClientOfThePublicInterfacesOnly() {
    noClasses()
        .that()
        .resideInAPackage("io.simbundle.provisioning.demo..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.simbundle.provisioning.sales..",
            "io.simbundle.provisioning.subscription..",
            "io.simbundle.provisioning.store..",
            "io.simbundle.provisioning.partner..",
            "io.simbundle.provisioning.audit..",
            "io.simbundle.provisioning.privacy..",
            "jakarta.persistence..")
        .check(classes);
  }

  @Test
  void noEntityManagerCrossesARoomsDoor() {
    // A room's repository joins the caller's transaction; the EntityManager itself stays inside.
    noCodeUnits()
        .that()
        .areNotPrivate()
        .and()
        .areNotPackagePrivate()
        .should()
        .haveRawParameterTypes(
            DescribedPredicate.describe(
                "an EntityManager among them",
                types -> types.stream().anyMatch(t -> t.isEquivalentTo(EntityManager.class))))
        .orShould()
        .haveRawReturnType(EntityManager.class)
        .check(classes);
  }

  @Test
  void onlyTheAppWiresTheEngine() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "io.simbundle.provisioning.app..", "io.simbundle.provisioning.launcher..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.simbundle.provisioning.app.Engine")
        .check(classes);
  }
}
