package io.simbundle.catalog.file;

import io.simbundle.catalog.version.CatalogVersion;
import java.util.Objects;

/**
 * A catalog file that passed validation.
 *
 * @param source the file's name, for messages and the audit trail
 * @param checksum SHA-256 of its bytes, hex; a version label may never change content
 * @param version what it defines
 */
public record CatalogFile(String source, String checksum, CatalogVersion version) {
  public CatalogFile {
    Objects.requireNonNull(source);
    Objects.requireNonNull(checksum);
    Objects.requireNonNull(version);
  }
}
