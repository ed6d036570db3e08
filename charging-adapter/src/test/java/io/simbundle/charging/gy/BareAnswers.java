package io.simbundle.charging.gy;

import org.jdiameter.api.Answer;
import org.jdiameter.api.Avp;
import org.jdiameter.api.AvpDataException;
import org.jdiameter.api.Request;

/** Answers with no charging behind them, to exercise the Diameter plumbing alone. */
public final class BareAnswers {

  private BareAnswers() {}

  /** 2001 with the server's identity and the request's CC-Request-Type and -Number. */
  public static Answer success(Request request, DiameterIdentity server) {
    Answer answer = request.createAnswer(2001);
    // jDiameter's createAnswer adds no Origin-Host/Origin-Realm of its own.
    answer.getAvps().addAvp(GyAvp.ORIGIN_HOST, server.host(), true, false, true);
    answer.getAvps().addAvp(GyAvp.ORIGIN_REALM, server.realm(), true, false, true);
    try {
      Avp type = request.getAvps().getAvp(GyAvp.CC_REQUEST_TYPE);
      if (type != null) {
        answer.getAvps().addAvp(GyAvp.CC_REQUEST_TYPE, type.getInteger32(), true, false, true);
      }
      Avp number = request.getAvps().getAvp(GyAvp.CC_REQUEST_NUMBER);
      if (number != null) {
        answer.getAvps().addAvp(GyAvp.CC_REQUEST_NUMBER, number.getUnsigned32(), true, false, true);
      }
    } catch (AvpDataException e) {
      throw new IllegalStateException(e);
    }
    return answer;
  }
}
