package io.simbundle.provisioning.channels.sms;

import io.simbundle.catalog.notice.NoticeTemplates;
import io.simbundle.provisioning.outbox.Destination;
import io.simbundle.provisioning.outbox.OutboxMessage;
import io.simbundle.provisioning.outbox.SubscriberChannel;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.apache.camel.ProducerTemplate;

/**
 * Subscribers reached by SMS: an outbox message for a subscription is written in the subscriber's
 * words ({@link SubscriberTexts}), cut into parts ({@link SmsText}) and sent to the subscription's
 * number through the {@link SmsRoute}. Without an SMSC configured every message waits in the
 * outbox, and health says so.
 */
public final class SmsChannel implements SubscriberChannel {

  private final Optional<SmscSettings> smsc;
  private final Optional<SmppLink> link;
  private final Supplier<ProducerTemplate> camel;
  private final LongFunction<Optional<String>> numbers;
  private final Supplier<NoticeTemplates> words;
  private final SmsSubmissions submissions;
  private final Clock clock;

  /**
   * @param camel the running Camel context's template, once it runs
   * @param numbers the number of a subscription, by its id
   * @param words the catalog's words for notices
   */
  public SmsChannel(
      Optional<SmscSettings> smsc,
      Optional<SmppLink> link,
      Supplier<ProducerTemplate> camel,
      LongFunction<Optional<String>> numbers,
      Supplier<NoticeTemplates> words,
      SmsSubmissions submissions,
      Clock clock) {
    this.smsc = smsc;
    this.link = link;
    this.camel = camel;
    this.numbers = numbers;
    this.words = words;
    this.submissions = submissions;
    this.clock = clock;
  }

  @Override
  public Attempt send(OutboxMessage message) {
    if (smsc.isEmpty()) {
      return new Waiting("no SMSC is configured (simbundle.sms.host)");
    }
    Optional<String> number =
        message.destination().kind() == Destination.Kind.PHONE
            ? Optional.of(message.payload().path("msisdn").asText()).filter(n -> !n.isEmpty())
            : numbers.apply(Long.parseLong(message.destination().id()));
    if (number.isEmpty()) {
      return new Failed("the subscription has no number");
    }
    Optional<String> text =
        SubscriberTexts.render(
            message.kind(), message.payload(), smsc.get().language(), words.get());
    if (text.isEmpty()) {
      return new Failed("subscribers are not texted about " + message.kind());
    }
    SmsRoute.Sent sent =
        camel
            .get()
            .requestBody(
                SmsRoute.ENDPOINT,
                new SmsRoute.Submit(number.get(), SmsText.parts(text.get(), (int) message.id())),
                SmsRoute.Sent.class);
    if (sent.failure().isPresent()) {
      return new Failed(sent.failure().get());
    }
    List<String> ids = sent.ids();
    // A receipt may beat its submission's record: one that says "not delivered" fails the attempt.
    return submissions
        .submitted(message.id(), ids, clock.instant())
        .<Attempt>map(state -> new Failed("the SMSC's receipt says " + state))
        .orElseGet(Sent::new);
  }

  /** The parts sent for an outbox message, each with its delivery receipt so far. */
  public List<SmsSubmissions.Submission> submissions(long outboxMessageId) {
    return submissions.of(outboxMessageId);
  }

  /** What health shows: whether an SMSC is configured, and the state of the bind. */
  public Map<String, Object> health() {
    Map<String, Object> health = new LinkedHashMap<>();
    if (smsc.isEmpty()) {
      health.put("status", "NOT_CONFIGURED");
      health.put("detail", "subscribers' SMS wait in the outbox until simbundle.sms.host is set");
      return health;
    }
    SmppLink.State state = link.orElseThrow().state();
    health.put("status", state == SmppLink.State.BOUND ? "UP" : state.name());
    health.put("smsc", smsc.get().host() + ":" + smsc.get().port());
    return health;
  }
}
