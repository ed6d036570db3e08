package io.simbundle.catalog.file;

import java.util.List;
import java.util.stream.Collectors;

/** A catalog file that cannot be used, with every problem found in it. */
public final class InvalidCatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<CatalogProblem> problems;

  public InvalidCatalogException(List<CatalogProblem> problems) {
    super(
        problems.size()
            + " problem(s) in catalog:\n  "
            + problems.stream().map(CatalogProblem::toString).collect(Collectors.joining("\n  ")));
    this.problems = List.copyOf(problems);
  }

  public List<CatalogProblem> problems() {
    return problems;
  }
}
