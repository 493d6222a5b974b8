package cn.shapotou.litigation.deadlines;

import java.time.LocalDate;

/** The unit of a legal period (期间), with the field that names its length in {@code GET /api/deadlines}. */
public enum PeriodUnit {
    DAYS("日", "days"),
    /**
     * Working days (工作日): days that are not statutory rest days, counted one by one against the holiday calendar
     * (行政复议法（2023年修订）第八十八条第二款). See {@link LegalPeriodCalculator}.
     */
    WORKING_DAYS("个工作日", "workingDays"),
    MONTHS("个月", "months"),
    YEARS("年", "years");

    private final String label;
    private final String field;

    PeriodUnit(String label, String field) {
        this.label = label;
        this.field = field;
    }

    public String label() {
        return label;
    }

    /** The JSON field holding a period's length in this unit: {@code days}, {@code workingDays}, … */
    public String field() {
        return field;
    }

    /** Working days depend on the calendar and are counted by {@link LegalPeriodCalculator}, not by date arithmetic. */
    public boolean countsWorkingDays() {
        return this == WORKING_DAYS;
    }

    /**
     * The raw last day of a calendar period: the start day is not counted (民事诉讼法 Art. 85 ¶2), so N days from S end
     * on S + N; months and years end on the same-numbered day, or on the month's last day where it has none (java.time
     * does exactly that).
     */
    LocalDate rawEnd(LocalDate start, int amount) {
        return switch (this) {
            case DAYS -> start.plusDays(amount);
            case MONTHS -> start.plusMonths(amount);
            case YEARS -> start.plusYears(amount);
            case WORKING_DAYS -> throw new IllegalStateException("working days are counted against the calendar");
        };
    }
}
