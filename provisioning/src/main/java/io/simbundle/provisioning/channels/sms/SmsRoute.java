package io.simbundle.provisioning.channels.sms;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.camel.builder.RouteBuilder;

/**
 * The Camel route subscribers' SMS leave by: {@value #ENDPOINT} takes a {@link Submit} and answers
 * a {@link Sent}: the SMSC's message ids, one per part, or why the text was not taken. It goes
 * through the engine's SMPP bind ({@link SmppLink}, jSMPP: Camel's own SMPP component is not
 * published for the Camel version the engine runs). A refusal is an answer, not an exception: the
 * HTTP routes' problem handling, which applies to every route, has nothing to say about SMS.
 */
public final class SmsRoute extends RouteBuilder {

  public static final String ENDPOINT = "direct:sms-submit";

  /** One text to one number, cut into its parts. */
  public record Submit(String msisdn, List<SmsText.Part> parts) {
    public Submit {
      parts = List.copyOf(parts);
    }

    @Override
    public String toString() {
      return "Submit[" + parts.size() + " parts, number hidden]";
    }
  }

  /** What became of a {@link Submit}: the parts' message ids, or why it was not taken. */
  public record Sent(List<String> ids, Optional<String> failure) {
    public Sent {
      ids = List.copyOf(ids);
      Objects.requireNonNull(failure);
    }
  }

  private final SmppLink link;

  public SmsRoute(SmppLink link) {
    this.link = link;
  }

  @Override
  public void configure() {
    from(ENDPOINT)
        .routeId("sms-submit")
        .process(
            exchange -> {
              Submit submit = exchange.getMessage().getBody(Submit.class);
              Sent sent;
              try {
                sent = new Sent(link.submit(submit.msisdn(), submit.parts()), Optional.empty());
              } catch (SmppLink.NotSent | RuntimeException e) {
                sent = new Sent(List.of(), Optional.of(String.valueOf(e.getMessage())));
              }
              exchange.getMessage().setBody(sent);
            });
  }
}
