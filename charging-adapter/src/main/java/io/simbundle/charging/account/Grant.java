package io.simbundle.charging.account;

import java.util.Optional;

/**
 * The answer for one rating group.
 *
 * @param bytes the granted volume; 0 when nothing is left
 * @param source what pays for it; empty when nothing does
 * @param finalUnits whether this is the last grant the subscriber can get for this rating group
 *     (the answer then carries a Final-Unit-Indication)
 */
public record Grant(long bytes, Optional<Source> source, boolean finalUnits) {

  public static Grant nothingLeft() {
    return new Grant(0, Optional.empty(), true);
  }

  public boolean denied() {
    return bytes == 0;
  }
}
