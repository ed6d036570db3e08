package io.simbundle.provisioning.inventory;

/** No number or card can be reserved: none is left in the province, or the one picked is taken. */
public final class InventoryUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InventoryUnavailableException(String message) {
    super(message);
  }
}
