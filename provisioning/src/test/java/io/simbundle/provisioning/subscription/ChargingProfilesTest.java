package io.simbundle.provisioning.subscription;

import static io.simbundle.catalog.file.CatalogSamples.bytes;
import static io.simbundle.catalog.file.CatalogSamples.minimalWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.catalog.file.CatalogFileReader;
import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.charging.profile.ChargingProfile;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the charging function is told of a card and the privileges held, from a catalog file. */
class ChargingProfilesTest {

  private static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");

  private static ProductOffering card(String catalog) {
    return new CatalogFileReader()
        .read("catalog.yaml", bytes(catalog))
        .version()
        .product("card")
        .orElseThrow();
  }

  @Test
  void aPrivilegeByServiceIdentifierOnlyZeroRatesThoseServicesOnNoRatingGroup() {
    ProductOffering card =
        card(minimalWith("ratingGroups: [1000]", "serviceIdentifiers: [7001, 7002]"));

    ChargingProfile profile =
        ChargingProfiles.of(
            "8618600000001",
            Optional.empty(),
            card,
            "tencent",
            card.heldWith(List.of("free-wechat")).toList(),
            AT);

    assertThat(profile.zeroRated())
        .singleElement()
        .satisfies(
            free -> {
              assertThat(free.privilegeCode()).isEqualTo("free-wechat");
              assertThat(free.ratingGroups()).isEmpty();
              assertThat(free.serviceIdentifiers()).isEqualTo(Set.of(7001L, 7002L));
              assertThat(free.covers(10, Optional.of(7002L))).isTrue();
              assertThat(free.covers(10, Optional.empty())).isFalse();
            });
  }

  @Test
  void thePlansDataSmsAndMinutesAreThisCyclesAllowance() {
    ChargingProfile profile =
        ChargingProfiles.of(
            "8618600000001",
            Optional.empty(),
            card(minimalWith("sms: 50 }", "sms: 40, voiceUnitSeconds: 6 }")),
            "tencent",
            List.of(),
            AT);

    assertThat(profile.allowanceBytes()).isEqualTo(500L * 1024 * 1024);
    assertThat(profile.smsPerCycle()).isEqualTo(40);
    assertThat(profile.voiceSecondsPerCycle()).as("100 minutes").isEqualTo(6000);
    assertThat(profile.voiceUnitSeconds()).as("the plan's unit").isEqualTo(6);
    assertThat(profile.cycleStart()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
    assertThat(profile.cycleEnd()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
  }
}
