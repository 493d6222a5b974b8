package cn.shapotou.litigation.escalation;

import java.time.LocalDate;
import java.util.List;

/**
 * Something past its deadline (逾期): an open task, or a case-level item such as the statutory answer (ALL Art. 67)
 * that no single task carries. {@code key} identifies it for its incident ({@code task:<id>} or
 * {@code case:<instance>:statutoryAnswer}).
 *
 * <p>{@code unit} is the unit charged: a task's candidate group (claimed or not; {@code assignee} says who claimed
 * it), or for the statutory answer the unit holding the case's answer work now ({@link CaseWork}); {@code holders} all
 * units holding it where several do. {@code deadline} is the key of the case deadline the item serves, if any;
 * {@code delay} names the delay itself: items with the same delay are one lateness of one deadline
 * ({@link #delayOf}), counted once in the annual report. {@code holding} says which open task holds a case-level
 * item, for people to read. {@code executionId} is a task's execution; for a case-level item the case itself, its
 * incident going on the execution at an activity when raised ({@link OverdueItems#executionAt}).
 */
public record OverdueItem(String key, String caseNumber, String item, String unit, String unitName, LocalDate due,
                          long daysOverdue, String taskId, String executionId, String processInstanceId,
                          String assignee, List<String> holders, String deadline, String delay, String holding) {

    /** Statutory court deadlines (CourtDeadlines) are reported to the district leaders when missed. */
    public boolean courtDeadline() {
        return CourtDeadlines.isCourtDeadline(deadline);
    }

    /** Whether this is the case-level statutory answer item rather than a task. */
    public boolean caseLevel() {
        return taskId == null;
    }

    /**
     * One delay is one missed deadline day of one case: {@code <case number>|<deadline key>|<day>}. A task serving a
     * case deadline and falling overdue on its day is late with that deadline, however many tasks (a proposal
     * returned and drafted again, review then sealing, the 7-day materials capped by the statutory day) and the
     * case-level item carry it: for the statutory answer (行政诉讼法第六十七条) the 7-day internal limit
     * (《办法》第十条第二款) exists to meet it, so where it was capped to the same day its passing is the same
     * delay. A task with no case deadline is a delay of its own.
     */
    static String delayOf(String caseNumber, String deadline, LocalDate due, String itemKey) {
        return deadline == null || caseNumber == null ? itemKey : caseNumber + "|" + deadline + "|" + due;
    }
}
