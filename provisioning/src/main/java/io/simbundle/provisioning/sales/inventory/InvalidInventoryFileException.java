package io.simbundle.provisioning.sales.inventory;

/** An inventory file that cannot be read at all; the message names the line. */
public final class InvalidInventoryFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidInventoryFileException(String message) {
    super(message);
  }
}
