package io.simbundle.provisioning.outbox;

import java.util.Objects;

/**
 * How the outbox reaches subscribers (SMS): one attempt at one message, told back as sent, failed
 * (retried with backoff, then dead-lettered like any message) or waiting (no attempt was made — the
 * channel is not configured — so no attempt is counted).
 */
@FunctionalInterface
public interface SubscriberChannel {

  /** What became of one attempt. */
  sealed interface Attempt {}

  /** Taken by the channel (for SMS: accepted by the SMSC; its receipt may still say otherwise). */
  record Sent() implements Attempt {}

  /** Refused or lost: the message is tried again later. */
  record Failed(String why) implements Attempt {
    public Failed {
      Objects.requireNonNull(why);
    }
  }

  /** Not attempted: the message waits for the channel. */
  record Waiting(String why) implements Attempt {
    public Waiting {
      Objects.requireNonNull(why);
    }
  }

  /** A channel that is not there: every message waits. */
  SubscriberChannel NONE = message -> new Waiting("no channel to subscribers is configured");

  Attempt send(OutboxMessage message);
}
