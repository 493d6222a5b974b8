package cn.shapotou.litigation.reports;

import java.time.LocalDate;

/**
 * The days a report covers, both included: a year for the annual report (Art. 19), a quarter for the work bulletin
 * (Art. 20). Each figure counts an event by the day it happened, so a past period's figures stay as they were.
 */
public record ReportPeriod(LocalDate from, LocalDate to, String label) {

    public static ReportPeriod year(int year) {
        return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), year + "年");
    }

    public static ReportPeriod quarter(int year, int quarter) {
        LocalDate from = LocalDate.of(year, 3 * quarter - 2, 1);
        return new ReportPeriod(from, from.plusMonths(3).minusDays(1),
                year + "年第" + "一二三四".charAt(quarter - 1) + "季度");
    }

    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }

    /** An ISO date text (a timestamp's date part is enough). */
    public boolean contains(Object isoDate) {
        if (isoDate == null) {
            return false;
        }
        String text = String.valueOf(isoDate);
        try {
            return text.length() >= 10 && contains(LocalDate.parse(text.substring(0, 10)));
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
