package io.simbundle.provisioning.store;

/**
 * A store and the secret just issued to it: the only time the secret is shown.
 *
 * @param secret base64url text the store keys its HMAC-SHA256 signatures with
 */
public record IssuedSecret(Store store, String secret) {

  @Override
  public String toString() {
    return "IssuedSecret[" + store.id() + ", secret hidden]";
  }
}
