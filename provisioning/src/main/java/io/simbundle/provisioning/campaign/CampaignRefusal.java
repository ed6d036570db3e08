package io.simbundle.provisioning.campaign;

import io.simbundle.rules.decision.Reason;

/** The campaign cannot take this order: sold out, or the buyer's limit is reached. */
public final class CampaignRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Reason reason;

  public CampaignRefusal(Reason reason) {
    super(reason.message());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
