package io.simbundle.catalog;

/** No catalog version is in force yet (all are in the future, or none was ever loaded). */
public final class NoCatalogInForceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NoCatalogInForceException(String message) {
    super(message);
  }
}
