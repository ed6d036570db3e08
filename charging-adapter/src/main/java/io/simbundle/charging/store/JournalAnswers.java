package io.simbundle.charging.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The answers of one journal row, read without binding its account snapshots, usage and decisions:
 * a node taking shards under load reads thousands of rows for them, and building every account in
 * them made the take last seconds.
 *
 * @param requests the answers given, in the order decided
 */
@JsonIgnoreProperties({"accounts", "usage", "decisions"})
record JournalAnswers(List<AnsweredRequest> requests) {}
