package cn.shapotou.litigation.deadlines;

import java.time.LocalDate;

/** The unit of a legal period (期间). */
public enum PeriodUnit {
    DAYS("日"),
    MONTHS("个月"),
    YEARS("年");

    private final String label;

    PeriodUnit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The raw last day: the start day is not counted (民事诉讼法 Art. 85 ¶2), so N days from S end on S + N; months and
     * years end on the same-numbered day, or on the month's last day where it has none (java.time does exactly that).
     */
    LocalDate rawEnd(LocalDate start, int amount) {
        return switch (this) {
            case DAYS -> start.plusDays(amount);
            case MONTHS -> start.plusMonths(amount);
            case YEARS -> start.plusYears(amount);
        };
    }
}
