package io.simbundle.catalog.privilege;

import java.util.Objects;

/**
 * A perk the partner switches on in its own platform.
 *
 * @param perkCode the code the partner understands, e.g. {@code GROUP_CHAT_60}
 */
public record PartnerPerk(String perkCode) implements Benefit {
  public PartnerPerk {
    Objects.requireNonNull(perkCode);
  }

  @Override
  public PrivilegeKind kind() {
    return PrivilegeKind.PARTNER_PERK;
  }
}
