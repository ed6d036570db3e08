package io.simbundle.charging.account;

import java.time.Instant;

/** One reservation: a session's hold on one rating group, from one source, until Tcc runs out. */
record Reservation(
    String sessionId, long ratingGroup, Source source, long bytes, Instant expiresAt) {}
