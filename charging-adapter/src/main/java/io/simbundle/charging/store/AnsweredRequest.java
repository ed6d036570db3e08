package io.simbundle.charging.store;

import io.simbundle.charging.gy.CreditControlOutcome;

/**
 * A request answered, as the journal keeps it for the duplicate window.
 *
 * @param sessionId the Session-Id
 * @param requestNumber the CC-Request-Number
 * @param outcome the answer given
 */
public record AnsweredRequest(String sessionId, long requestNumber, CreditControlOutcome outcome) {}
