package io.simbundle.catalog.partner;

import java.util.Objects;

/**
 * An internet company that sells a card together with the operator (Tencent, NetEase, Alibaba …).
 *
 * @param code the stable identifier used in catalog files, e.g. {@code tencent}
 * @param name the display name
 */
public record Partner(String code, String name) {
  public Partner {
    Objects.requireNonNull(code);
    Objects.requireNonNull(name);
  }
}
