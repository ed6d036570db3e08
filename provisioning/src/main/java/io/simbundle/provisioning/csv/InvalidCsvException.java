package io.simbundle.provisioning.csv;

/** A CSV file that cannot be read at all; the message names the line. */
public final class InvalidCsvException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidCsvException(String message) {
    super(message);
  }
}
