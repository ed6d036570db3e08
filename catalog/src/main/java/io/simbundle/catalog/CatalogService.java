package io.simbundle.catalog;

import io.simbundle.catalog.file.CatalogFile;
import io.simbundle.catalog.file.CatalogFileReader;
import io.simbundle.catalog.file.CatalogProblem;
import io.simbundle.catalog.file.InvalidCatalogException;
import io.simbundle.catalog.store.CatalogStore;
import io.simbundle.catalog.version.CatalogTimeline;
import io.simbundle.catalog.version.CatalogVersion;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog module's port: the versions that can be sold, served read-only from memory.
 *
 * <p>Versions come from catalog files and are kept in the database. A file is taken only when it is
 * valid and its version label is new (or stored with identical content); anything else is rejected
 * with its problems and the versions in use stay as they were. Readers see one immutable {@link
 * CatalogTimeline} at a time and never a half-loaded catalog.
 */
public final class CatalogService {

  private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

  private final CatalogStore store;
  private final CatalogSources sources;
  private final CatalogFileReader reader = new CatalogFileReader();
  private final Clock clock;
  private final AtomicReference<CatalogTimeline> timeline;
  private final Map<String, String> checksums = new HashMap<>();

  private CatalogService(CatalogStore store, CatalogSources sources, Clock clock) {
    this.store = store;
    this.sources = sources;
    this.clock = clock;
    List<CatalogFile> stored = store.loadAll();
    stored.forEach(file -> checksums.put(file.version().version(), file.checksum()));
    this.timeline =
        new AtomicReference<>(
            new CatalogTimeline(stored.stream().map(CatalogFile::version).toList()));
  }

  /**
   * Loads the stored versions, then takes any new valid version from the sources.
   *
   * @throws NoCatalogInForceException when afterwards no version is known at all
   */
  public static CatalogService start(CatalogStore store, CatalogSources sources, Clock clock) {
    CatalogService service = new CatalogService(store, sources, clock);
    LoadReport report = service.reload();
    if (service.timeline().versions().isEmpty()) {
      throw new NoCatalogInForceException(
          "no valid catalog version: " + report.rejected().size() + " file(s) rejected");
    }
    return service;
  }

  /** Reads every source again and takes the new valid versions. */
  public synchronized LoadReport reload() {
    List<String> added = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    List<LoadReport.Rejected> rejected = new ArrayList<>();
    for (CatalogSources.Source source : sources.read()) {
      try {
        CatalogFile file = reader.read(source.name(), source.content());
        String label = file.version().version();
        String storedChecksum = checksums.get(label);
        if (storedChecksum == null) {
          store.store(file);
          checksums.put(label, file.checksum());
          timeline.set(timeline.get().with(file.version()));
          added.add(label);
          log.info("catalog version {} from {} stored and in use", label, source.name());
        } else if (storedChecksum.equals(file.checksum())) {
          unchanged.add(label);
        } else {
          rejected.add(
              new LoadReport.Rejected(
                  source.name(),
                  List.of(
                      new CatalogProblem(
                          source.name(),
                          0,
                          "version",
                          "version '"
                              + label
                              + "' is already published with other content; a published version"
                              + " never changes, so give the edited file a new version label"))));
        }
      } catch (InvalidCatalogException e) {
        rejected.add(new LoadReport.Rejected(source.name(), e.problems()));
      }
    }
    rejected.forEach(
        r ->
            log.error(
                "catalog file {} rejected, the versions in use stay:\n  {}",
                r.source(),
                String.join("\n  ", r.problems().stream().map(CatalogProblem::toString).toList())));
    return new LoadReport(added, unchanged, rejected);
  }

  public CatalogTimeline timeline() {
    return timeline.get();
  }

  /** The version in force now. */
  public CatalogVersion current() {
    return timeline
        .get()
        .inForceAt(clock.instant())
        .orElseThrow(
            () ->
                new NoCatalogInForceException(
                    "no catalog version is in force at " + clock.instant()));
  }

  public Optional<CatalogVersion> version(String label) {
    return timeline.get().version(label);
  }

  /** The version that governs a subscriber who bought under {@code boughtUnder}, now. */
  public Optional<CatalogVersion> forSubscriber(String boughtUnder) {
    return timeline.get().forSubscriber(boughtUnder, clock.instant());
  }
}
