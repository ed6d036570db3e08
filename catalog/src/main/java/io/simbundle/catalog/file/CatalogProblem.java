package io.simbundle.catalog.file;

import java.util.Objects;

/**
 * One thing wrong with a catalog file.
 *
 * @param file the file's name
 * @param line the 1-based line where the problem is, 0 when unknown
 * @param path where in the document, e.g. {@code products[0].privileges[3].ratingGroups}
 * @param message what is wrong
 */
public record CatalogProblem(String file, int line, String path, String message) {
  public CatalogProblem {
    Objects.requireNonNull(file);
    Objects.requireNonNull(path);
    Objects.requireNonNull(message);
  }

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + path + ": " + message;
  }
}
