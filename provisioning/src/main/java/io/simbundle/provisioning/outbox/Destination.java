package io.simbundle.provisioning.outbox;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who an outbox message goes to: a store (its order callbacks), a partner (perk notices), a
 * subscriber (usage alerts, codes; by subscription id: no number in a key) or a phone that holds no
 * subscription yet (an activation code, by the code's id; the number is in the message). Stored as
 * {@code store:yixun}, {@code partner:tencent}, {@code subscriber:42} or {@code phone:7}.
 *
 * @param id the store's or partner's id, the subscription's, or the code's
 */
public record Destination(Kind kind, String id) {

  /** The kinds of receiver, each with its own registry of endpoints. */
  public enum Kind {
    STORE,
    PARTNER,
    SUBSCRIBER,
    PHONE;

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

  /** A subscriber, by the id of their subscription. */
  public static Destination subscriber(long productId) {
    return new Destination(Kind.SUBSCRIBER, Long.toString(productId));
  }

  /** A phone reached before it carries a subscription: its message names the number. */
  public static Destination phone(long codeId) {
    return new Destination(Kind.PHONE, Long.toString(codeId));
  }

  /** Whether it is reached by SMS rather than over HTTP. */
  public boolean bySms() {
    return kind == Kind.SUBSCRIBER || kind == Kind.PHONE;
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
