package io.backon.spring.boot.autoconfigure.http;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The answers the copies of one hedged call received: only the winner goes to the caller, so every
 * other answer is closed when the call ends, and one arriving later is closed on arrival. Without
 * it a copy that lost the race with an answer in hand would keep its connection leased. One per
 * call; thread-safe (copies run on several threads).
 */
final class HedgedAnswers {

  private final List<ClientHttpResponse> answers = new ArrayList<>(2);
  private boolean ended;

  /** Keeps {@code answer} for the end of the call; closes it at once if the call has ended. */
  ClientHttpResponse add(ClientHttpResponse answer) {
    synchronized (answers) {
      if (!ended) {
        answers.add(answer);
        return answer;
      }
    }
    answer.close();
    return answer;
  }

  /** Ends the call: closes every answer but {@code winner} (none when the call failed). */
  void end(@Nullable ClientHttpResponse winner) {
    List<ClientHttpResponse> losers;
    synchronized (answers) {
      ended = true;
      losers = new ArrayList<>(answers);
      answers.clear();
    }
    for (ClientHttpResponse loser : losers) {
      if (loser != winner) {
        loser.close();
      }
    }
  }
}
