package io.simbundle.provisioning.store;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** What onboarding a store takes. The id is the sales channel its orders carry. */
public record StoreRegistration(String id, String name, URI callbackUrl, List<String> campaigns) {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,31}");

  public StoreRegistration {
    Objects.requireNonNull(id);
    Objects.requireNonNull(name);
    Objects.requireNonNull(callbackUrl);
    campaigns = List.copyOf(campaigns);
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a store id is 2 to 32 lower-case letters, digits or -");
    }
    if (!"https".equals(callbackUrl.getScheme()) && !"http".equals(callbackUrl.getScheme())) {
      throw new IllegalArgumentException("the callback URL must be http or https");
    }
  }
}
