package cn.shapotou.litigation.deadlines;

/** One named deadline of a case: which one it is and how it was computed. */
public record CaseDeadline(DeadlineKind kind, ComputedDeadline computed) {}
