package io.simbundle.charging.nchf;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the CHF listens: HTTP/2 cleartext with prior knowledge (h2c, as SMFs use inside a core) and
 * HTTP/1.1 on one port; with a certificate and key, TLS instead (HTTP/2 by ALPN).
 *
 * @param host the address to bind, e.g. {@code 127.0.0.1}
 * @param port the port; 0 picks a free one
 * @param certificate a PEM certificate chain, for TLS
 * @param key its PEM private key
 */
public record ChfSettings(String host, int port, Optional<Path> certificate, Optional<Path> key) {

  public ChfSettings {
    Objects.requireNonNull(host);
    Objects.requireNonNull(certificate);
    Objects.requireNonNull(key);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("simbundle.chf.port is 0 to 65535");
    }
    if (certificate.isPresent() != key.isPresent()) {
      throw new IllegalArgumentException("TLS needs both a certificate and its key");
    }
  }

  /** Cleartext on {@code host:port}. */
  public static ChfSettings cleartext(String host, int port) {
    return new ChfSettings(host, port, Optional.empty(), Optional.empty());
  }

  boolean tls() {
    return certificate.isPresent();
  }
}
