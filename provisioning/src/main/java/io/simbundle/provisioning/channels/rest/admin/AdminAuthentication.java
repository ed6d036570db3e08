package io.simbundle.provisioning.channels.rest.admin;

import io.simbundle.provisioning.channels.http.Problem;
import io.simbundle.provisioning.channels.http.ProblemException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** The first step of every admin route: HTTP Basic credentials, or 401. */
public final class AdminAuthentication implements Processor {

  private final AdminCredentials credentials;

  public AdminAuthentication(AdminCredentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public void process(Exchange exchange) {
    if (!credentials.accept(exchange.getIn().getHeader("Authorization", String.class))) {
      throw new ProblemException(
          Problem.of(401, "unauthorized", "Unauthorized", "admin credentials are required")
              .withHeader("WWW-Authenticate", "Basic realm=\"simbundle-admin\""));
    }
  }
}
