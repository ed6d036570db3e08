package io.simbundle.provisioning.sales.inventory;

/** Two imports of the same items raced; the later one stored nothing. */
public final class InventoryConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InventoryConflictException(String message) {
    super(message);
  }
}
