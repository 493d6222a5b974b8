package cn.shapotou.litigation.escalation;

import java.time.LocalDate;

/**
 * Something past its deadline (逾期): an open task, or a case-level item such as the statutory answer (ALL Art. 67)
 * that no single task carries. {@code key} identifies it for its incident ({@code task:<id>} or
 * {@code case:<instance>:statutoryAnswer}).
 */
public record OverdueItem(String key, String caseNumber, String item, String unit, String unitName, LocalDate due,
                          long daysOverdue, String taskId, String executionId, String processInstanceId) {}
