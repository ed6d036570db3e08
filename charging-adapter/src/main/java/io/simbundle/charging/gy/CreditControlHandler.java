package io.simbundle.charging.gy;

import org.jdiameter.api.Answer;
import org.jdiameter.api.Request;

/** Answers one Credit-Control-Request; called on the Diameter stack's threads. */
@FunctionalInterface
public interface CreditControlHandler {
  Answer answer(Request creditControlRequest);
}
