package io.simbundle.catalog;

import io.simbundle.catalog.file.CatalogProblem;
import java.util.List;

/**
 * What one (re)load of catalog files did.
 *
 * @param added versions validated and stored by this load
 * @param unchanged versions already stored with the same content
 * @param rejected files that were not taken, each with its problems
 */
public record LoadReport(List<String> added, List<String> unchanged, List<Rejected> rejected) {

  /** A file that was not taken. */
  public record Rejected(String source, List<CatalogProblem> problems) {}

  public LoadReport {
    added = List.copyOf(added);
    unchanged = List.copyOf(unchanged);
    rejected = List.copyOf(rejected);
  }

  public boolean clean() {
    return rejected.isEmpty();
  }
}
