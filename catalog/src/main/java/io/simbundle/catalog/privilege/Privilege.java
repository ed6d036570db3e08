package io.simbundle.catalog.privilege;

import java.util.Objects;
import java.util.Set;

/**
 * One privilege a card can carry.
 *
 * @param code unique within its product, e.g. {@code group-chat-60}
 * @param name display name
 * @param description one sentence for the subscriber
 * @param benefit what it gives
 * @param excludes codes of privileges that cannot be chosen together with this one
 * @param requires codes of privileges that must be chosen for this one to be chosen
 * @param b2b2cTypes the B2B2C buyer types (1–4) it is offered to; empty means all
 */
public record Privilege(
    String code,
    String name,
    String description,
    Benefit benefit,
    Set<String> excludes,
    Set<String> requires,
    Set<Integer> b2b2cTypes) {

  public Privilege {
    Objects.requireNonNull(code);
    Objects.requireNonNull(name);
    Objects.requireNonNull(description);
    Objects.requireNonNull(benefit);
    excludes = Set.copyOf(excludes);
    requires = Set.copyOf(requires);
    b2b2cTypes = Set.copyOf(b2b2cTypes);
  }

  public PrivilegeKind kind() {
    return benefit.kind();
  }
}
