package io.simbundle.provisioning.outbox;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who an outbox message goes to: a store (its order callbacks) or a partner (perk notices). Stored
 * as {@code store:yixun} or {@code partner:tencent}.
 *
 * @param id the store's or partner's id
 */
public record Destination(Kind kind, String id) {

  /** The kinds of receiver, each with its own registry of endpoints. */
  public enum Kind {
    STORE,
    PARTNER;

    String prefix() {
      return name().toLowerCase(Locale.ROOT) + ":";
    }
  }

  public Destination {
    Objects.requireNonNull(kind);
    if (id == null || id.isBlank() || id.contains(":")) {
      throw new IllegalArgumentException("a destination id is a plain name, was " + id);
    }
  }

  public static Destination store(String id) {
    return new Destination(Kind.STORE, id);
  }

  public static Destination partner(String id) {
    return new Destination(Kind.PARTNER, id);
  }

  /** The destination a stored key names, if it names one. */
  public static Optional<Destination> parse(String key) {
    for (Kind kind : Kind.values()) {
      if (key.startsWith(kind.prefix()) && key.length() > kind.prefix().length()) {
        return Optional.of(new Destination(kind, key.substring(kind.prefix().length())));
      }
    }
    return Optional.empty();
  }

  /** The key it is stored under. */
  public String key() {
    return kind.prefix() + id;
  }

  @Override
  public String toString() {
    return key();
  }
}
