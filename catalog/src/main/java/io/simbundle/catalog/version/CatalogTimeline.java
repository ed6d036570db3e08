package io.simbundle.catalog.version;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * All known catalog versions ordered by effective date: which one is in force at an instant, and
 * which one a subscriber who bought under an older version is under now.
 */
public record CatalogTimeline(List<CatalogVersion> versions) {

  public CatalogTimeline {
    versions =
        versions.stream().sorted(Comparator.comparing(CatalogVersion::effectiveFrom)).toList();
  }

  public CatalogTimeline with(CatalogVersion added) {
    List<CatalogVersion> all = new ArrayList<>(versions);
    all.add(added);
    return new CatalogTimeline(all);
  }

  /** The newest version whose effective date has come; empty before the first one. */
  public Optional<CatalogVersion> inForceAt(Instant instant) {
    CatalogVersion found = null;
    for (CatalogVersion version : versions) {
      if (!version.effectiveFrom().isAfter(instant)) {
        found = version;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * The version in force when a month began in {@code zone}: the prices a month is settled at. A
   * month before every version takes the first one.
   */
  public CatalogVersion inForceWhenBegan(YearMonth month, ZoneId zone) {
    return inForceAt(month.atDay(1).atStartOfDay(zone).toInstant()).orElse(versions.get(0));
  }

  public Optional<CatalogVersion> version(String label) {
    return versions.stream().filter(v -> v.version().equals(label)).findFirst();
  }

  /**
   * The version a subscriber who bought under {@code boughtUnder} is governed by at {@code
   * instant}: the one bought, unless a later version in force by then moves existing subscribers
   * (the newest such one wins).
   */
  public Optional<CatalogVersion> forSubscriber(String boughtUnder, Instant instant) {
    Optional<CatalogVersion> bought = version(boughtUnder);
    if (bought.isEmpty()) {
      return Optional.empty();
    }
    CatalogVersion governing = bought.get();
    for (CatalogVersion version : versions) {
      if (version.movesExistingSubscribers()
          && version.effectiveFrom().isAfter(governing.effectiveFrom())
          && !version.effectiveFrom().isAfter(instant)) {
        governing = version;
      }
    }
    return Optional.of(governing);
  }
}
