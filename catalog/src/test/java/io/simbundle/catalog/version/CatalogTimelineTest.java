package io.simbundle.catalog.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTimelineTest {

  private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant JUN = Instant.parse("2026-06-01T00:00:00Z");

  private static CatalogVersion version(String label, Instant from, boolean moves) {
    return new CatalogVersion(label, from, moves, List.of(), List.of(), List.of());
  }

  private final CatalogTimeline timeline =
      new CatalogTimeline(
          List.of(version("v3", JUN, true), version("v1", JAN, false), version("v2", MAR, false)));

  @Test
  void versionInForceIsTheNewestWhoseDateHasCome() {
    assertThat(timeline.inForceAt(JAN.minusSeconds(1))).isEmpty();
    assertThat(timeline.inForceAt(JAN)).get().extracting(CatalogVersion::version).isEqualTo("v1");
    assertThat(timeline.inForceAt(MAR.plusSeconds(1)))
        .get()
        .extracting(CatalogVersion::version)
        .isEqualTo("v2");
    assertThat(timeline.inForceAt(JUN)).get().extracting(CatalogVersion::version).isEqualTo("v3");
  }

  @Test
  void subscriberKeepsTheVersionBoughtWhenNewerOnesDoNotMoveThem() {
    assertThat(timeline.forSubscriber("v1", MAR.plusSeconds(60)))
        .get()
        .extracting(CatalogVersion::version)
        .isEqualTo("v1");
  }

  @Test
  void subscriberMovesOnceAVersionThatMovesExistingOnesIsInForce() {
    assertThat(timeline.forSubscriber("v1", JUN.minusSeconds(1)))
        .get()
        .extracting(CatalogVersion::version)
        .isEqualTo("v1");
    assertThat(timeline.forSubscriber("v1", JUN))
        .get()
        .extracting(CatalogVersion::version)
        .isEqualTo("v3");
  }

  @Test
  void unknownBoughtVersionGovernsNothing() {
    assertThat(timeline.forSubscriber("v0", JUN)).isEmpty();
  }
}
