package io.simbundle.provisioning.audit;

import java.util.Objects;

/**
 * Who caused a change, as the audit trail names them: {@code admin:ops}, {@code channel:yixun},
 * {@code subscriber}, {@code system}.
 */
public record Actor(String name) {

  public static final Actor SYSTEM = new Actor("system");
  public static final Actor SUBSCRIBER = new Actor("subscriber");

  public Actor {
    Objects.requireNonNull(name);
    if (name.isBlank() || name.length() > 64) {
      throw new IllegalArgumentException("an actor is named in 1 to 64 characters");
    }
  }

  public static Actor admin(String user) {
    return new Actor("admin:" + user);
  }

  public static Actor channel(String channel) {
    return new Actor("channel:" + channel);
  }

  @Override
  public String toString() {
    return name;
  }
}
