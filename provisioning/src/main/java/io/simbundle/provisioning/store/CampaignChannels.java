package io.simbundle.provisioning.store;

import java.util.Optional;
import java.util.Set;

/** The sales channels a campaign is sold on, as the catalog says; empty for an unknown campaign. */
@FunctionalInterface
public interface CampaignChannels {

  Optional<Set<String>> of(String campaignCode);
}
