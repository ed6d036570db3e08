package io.simbundle.charging.gy;

import java.util.concurrent.CompletableFuture;
import org.jdiameter.api.Answer;
import org.jdiameter.api.Request;

/**
 * Answers Credit-Control-Requests. It is called on the connection's reader thread and must not
 * block there: an answer that needs a commit completes later, on whatever thread finishes the work,
 * and the server sends it then.
 */
@FunctionalInterface
public interface CreditControlHandler {
  CompletableFuture<Answer> answer(Request creditControlRequest);
}
