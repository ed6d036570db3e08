package io.simbundle.charging.store;

/** The charging tables could not be read or written; nothing partial was committed. */
public final class ChargingStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ChargingStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
