package io.simbundle.rules;

import io.simbundle.catalog.CatalogSources;
import io.simbundle.catalog.file.CatalogFileReader;
import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.rules.fact.Policy;
import io.simbundle.rules.realname.ResidentIdNumber;
import io.simbundle.rules.ruleset.RuleBook;
import io.simbundle.rules.ruleset.RuleSetCompiler;
import io.simbundle.rules.ruleset.RuleSources;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The demo catalog and the shipped rules, compiled once per test JVM. */
public final class RulesFixture {

  /** Inside the Yixun presale, three weeks after it opened. */
  public static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

  public static final CatalogVersion DEMO_CATALOG = demoCatalog();

  private static volatile RulesService service;

  private RulesFixture() {}

  public static synchronized RulesService service() {
    if (service == null) {
      service =
          new RulesService(
              RuleBook.open(
                  new RuleSources(Optional.empty()), new RuleSetCompiler(Clock.systemUTC())),
              Policy.defaults());
    }
    return service;
  }

  /**
   * A valid resident ID number of someone born on the given day (yyyyMMdd), issued in Guangzhou.
   */
  public static String idNumberBornOn(String yyyyMMdd) {
    String first17 = "440106" + yyyyMMdd + "123";
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  private static CatalogVersion demoCatalog() {
    CatalogSources.Source demo = new CatalogSources(true, Optional.empty()).read().get(0);
    return new CatalogFileReader().read(demo.name(), demo.content()).version();
  }
}
