package cn.shapotou.litigation.deadlines;

import java.time.LocalDate;

/**
 * What watches a case deadline besides its tasks and timers, and so follows it when a changed holiday calendar recounts
 * the open deadlines (DeadlineRecomputation): the supervision's watch of the statutory answer and its retrial and
 * enforcement windows. They are escalation/'s, above deadlines/ (architecture.md「包结构规则」), so they follow through
 * this interface.
 */
public interface RecountFollower {

    /** The case deadline {@code key} of the case instance {@code caseInstanceId} now falls due on {@code due}. */
    default void move(String caseInstanceId, String key, LocalDate due) {
    }

    /** All open case deadlines have been recounted; counts what this watches again and returns how many moved. */
    default int recount(Deadlines deadlines) {
        return 0;
    }
}
