package io.simbundle.provisioning.app;

import io.simbundle.catalog.privilege.Privilege;
import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.profile.ProfileOrigin;
import io.simbundle.provisioning.subscription.ChargingProfiles;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three subscribers the demo charges on Gy, installed once (a restart keeps their balances):
 * 8618600000001 on WeChat Wo with free WeChat traffic (rating group 1000 free, 1001 video calls
 * charged), 8618600000002 on the Yixin card with its monthly gift on rating group 2000, and
 * 8618600000003 on the Tmall card's plan (2 GB) with no privilege or gift at all.
 */
public final class DemoSubscribers {

  public static final String WECHAT_WO = "8618600000001";
  public static final String YIXIN = "8618600000002";
  public static final String PLAIN = "8618600000003";

  private static final Logger log = LoggerFactory.getLogger(DemoSubscribers.class);

  private DemoSubscribers() {}

  public static void install(ChargingFunction charging, CatalogVersion catalog, Clock clock) {
    installOne(
        charging, catalog, clock, WECHAT_WO, "wechat-wo", List.of("wechat-free-traffic"), true);
    installOne(charging, catalog, clock, YIXIN, "yixin-card", List.of(), true);
    installOne(charging, catalog, clock, PLAIN, "tmall-card", List.of(), false);
  }

  private static void installOne(
      ChargingFunction charging,
      CatalogVersion catalog,
      Clock clock,
      String msisdn,
      String productCode,
      List<String> chosen,
      boolean withIncludedPrivileges) {
    if (charging.balance(msisdn).isPresent() || !charging.decidesFor(msisdn)) {
      // Installed already, or another node of the cluster decides for it and installs it.
      return;
    }
    Optional<ProductOffering> product = catalog.product(productCode);
    if (product.isEmpty()) {
      log.warn(
          "demo subscriber {} not installed: catalog {} has no {}",
          msisdn,
          catalog.version(),
          productCode);
      return;
    }
    List<Privilege> privileges =
        new ArrayList<>(withIncludedPrivileges ? product.get().includedPrivileges() : List.of());
    chosen.forEach(code -> product.get().menu().option(code).ifPresent(privileges::add));
    charging.install(
        ChargingProfiles.of(
                msisdn,
                Optional.empty(),
                product.get(),
                product.get().partnerCode(),
                privileges,
                clock.instant())
            // Demo subscribers get no gifts from the rules: no rule set decided for them.
            .withOrigin(new ProfileOrigin(catalog.version(), "")));
    log.info("demo subscriber {} installed on {}", msisdn, productCode);
  }
}
