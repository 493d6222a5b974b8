package cn.shapotou.litigation.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-computed legal periods (src/docs/deadlines.md) over the 2025 and 2026 State Council notices: the start day is not
 * counted, a last day on a rest day moves to the next working day, 调休 weekend days are working days, rest days
 * inside the period are not deducted, month ends clip to the month's last day, working days skip rest days, years
 * without a notice count the statutory holidays and weekends, provisionally.
 */
class LegalPeriodCalculatorTest {

    private final LegalPeriodCalculator calculator =
            new LegalPeriodCalculator(new HolidayCalendarRepository("").calendar());

    @ParameterizedTest(name = "{0} + {1} {2} = {4} ({6})")
    @CsvSource(delimiter = '|', textBlock = """
            # start    | n  | unit   | raw end    | due        | rest days moved over | what it shows
            2026-09-28 | 7  | DAYS   | 2026-10-05 | 2026-10-08 | 3 | 7-day answer approved before National Day: raw end inside the holiday
            2026-11-20 | 15 | DAYS   | 2026-12-05 | 2026-12-07 | 2 | ALL Art. 67 ending on a Saturday
            2026-03-02 | 15 | DAYS   | 2026-03-17 | 2026-03-17 | 0 | ordinary Tuesday, nothing moves
            2026-02-10 | 5  | DAYS   | 2026-02-15 | 2026-02-24 | 9 | ends on the first day of Spring Festival 2026
            2026-02-09 | 5  | DAYS   | 2026-02-14 | 2026-02-14 | 0 | 调休 Saturday 2026-02-14 is a working day
            2026-02-13 | 15 | DAYS   | 2026-02-28 | 2026-02-28 | 0 | 调休 Saturday 2026-02-28, over the whole Spring Festival
            2026-02-16 | 7  | DAYS   | 2026-02-23 | 2026-02-24 | 1 | starts inside Spring Festival, ends on its last day
            2026-02-17 | 10 | DAYS   | 2026-02-27 | 2026-02-27 | 0 | starts inside Spring Festival: holidays inside are not deducted
            2025-12-30 | 5  | DAYS   | 2026-01-04 | 2026-01-04 | 0 | year boundary onto 调休 Sunday 2026-01-04
            2025-12-27 | 5  | DAYS   | 2026-01-01 | 2026-01-04 | 3 | year boundary into New Year 2026
            2025-12-17 | 15 | DAYS   | 2026-01-01 | 2026-01-04 | 3 | 15 days over the year boundary
            2026-03-30 | 5  | DAYS   | 2026-04-04 | 2026-04-07 | 3 | Qingming 2026
            2026-04-26 | 5  | DAYS   | 2026-05-01 | 2026-05-06 | 5 | Labour Day 2026
            2026-05-04 | 5  | DAYS   | 2026-05-09 | 2026-05-09 | 0 | 调休 Saturday 2026-05-09, starting inside Labour Day
            2026-06-14 | 5  | DAYS   | 2026-06-19 | 2026-06-22 | 3 | Dragon Boat 2026
            2026-09-20 | 5  | DAYS   | 2026-09-25 | 2026-09-28 | 3 | Mid-Autumn 2026, starting on 调休 Sunday
            2026-09-15 | 5  | DAYS   | 2026-09-20 | 2026-09-20 | 0 | 调休 Sunday 2026-09-20
            2026-10-05 | 5  | DAYS   | 2026-10-10 | 2026-10-10 | 0 | 调休 Saturday 2026-10-10, starting inside National Day
            2026-09-30 | 7  | DAYS   | 2026-10-07 | 2026-10-08 | 1 | last day of National Day 2026
            2026-10-01 | 10 | DAYS   | 2026-10-11 | 2026-10-12 | 1 | the Sunday after the 调休 Saturday is a rest day again
            2025-01-21 | 7  | DAYS   | 2025-01-28 | 2025-02-05 | 8 | Spring Festival 2025
            2025-01-21 | 5  | DAYS   | 2025-01-26 | 2025-01-26 | 0 | 调休 Sunday 2025-01-26
            2025-02-03 | 5  | DAYS   | 2025-02-08 | 2025-02-08 | 0 | 调休 Saturday 2025-02-08
            2025-03-30 | 5  | DAYS   | 2025-04-04 | 2025-04-07 | 3 | Qingming 2025
            2025-04-22 | 5  | DAYS   | 2025-04-27 | 2025-04-27 | 0 | 调休 Sunday 2025-04-27
            2025-04-16 | 15 | DAYS   | 2025-05-01 | 2025-05-06 | 5 | Labour Day 2025
            2025-05-26 | 5  | DAYS   | 2025-05-31 | 2025-06-03 | 3 | Dragon Boat 2025, over a month end
            2025-09-23 | 5  | DAYS   | 2025-09-28 | 2025-09-28 | 0 | 调休 Sunday 2025-09-28
            2025-09-26 | 10 | DAYS   | 2025-10-06 | 2025-10-09 | 3 | 10-day ruling appeal into National Day 2025
            2025-10-01 | 10 | DAYS   | 2025-10-11 | 2025-10-11 | 0 | 调休 Saturday 2025-10-11, starting on National Day
            2025-10-03 | 15 | DAYS   | 2025-10-18 | 2025-10-20 | 2 | 15-day judgment appeal ending on a weekend
            2026-01-31 | 1  | MONTHS | 2026-02-28 | 2026-02-28 | 0 | 31 January + 1 month: last day of February, a 调休 Saturday
            2025-01-31 | 1  | MONTHS | 2025-02-28 | 2025-02-28 | 0 | 31 January + 1 month in 2025
            2025-08-29 | 6  | MONTHS | 2026-02-28 | 2026-02-28 | 0 | 29 August + 6 months: February has no 29th
            2025-08-30 | 6  | MONTHS | 2026-02-28 | 2026-02-28 | 0 | 30 August + 6 months
            2025-08-31 | 6  | MONTHS | 2026-02-28 | 2026-02-28 | 0 | 31 August + 6 months
            2025-04-30 | 6  | MONTHS | 2025-10-30 | 2025-10-30 | 0 | retrial period ending on an ordinary Thursday
            2025-04-01 | 6  | MONTHS | 2025-10-01 | 2025-10-09 | 8 | retrial period ending on National Day 2025
            2025-08-13 | 6  | MONTHS | 2026-02-13 | 2026-02-13 | 0 | the Friday before Spring Festival 2026
            2025-08-16 | 6  | MONTHS | 2026-02-16 | 2026-02-24 | 8 | retrial period ending inside Spring Festival 2026
            2024-02-29 | 2  | YEARS  | 2026-02-28 | 2026-02-28 | 0 | enforcement: 29 February + 2 years
            2024-10-01 | 2  | YEARS  | 2026-10-01 | 2026-10-08 | 7 | enforcement period ending on National Day 2026
            2024-05-01 | 2  | YEARS  | 2026-05-01 | 2026-05-06 | 5 | enforcement period ending on Labour Day 2026
            """, ignoreLeadingAndTrailingWhitespace = true)
    void countsAsTheLawSays(LocalDate start, int n, PeriodUnit unit, LocalDate rawEnd, LocalDate due, int moved,
                            String why) {
        ComputedDeadline d = calculator.compute(start, n, unit, "test");
        assertThat(d.rawEnd()).as("raw end").isEqualTo(rawEnd);
        assertThat(d.due()).as("due").isEqualTo(due);
        assertThat(d.movedOver()).as("rest days moved over").hasSize(moved);
        assertThat(d.calendarMissing()).isEmpty();
        assertThat(d.calendarYears()).contains(due.getYear());
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2} ({5})")
    @CsvSource(delimiter = '|', textBlock = """
            # start    | n  | N-th working day = due | rest days skipped | moved over | what it shows
            2026-09-18 | 10 | 2026-10-09 | 11 | 0 | reconsideration reply from Friday: 09-19 Sat skipped, 09-20 调休 Sun is day 1, 09-21..24 days 2-5, 09-25..27 中秋 and 10-01..07 国庆 skipped, 09-28..30 days 6-8, 10-08 day 9, 10-09 day 10
            2026-02-12 | 10 | 2026-03-04 | 10 | 0 | over 春节 2026: 02-13 day 1, 调休 Sat 02-14 day 2, 02-15..23 春节 skipped, 02-24..27 days 3-6, 调休 Sat 02-28 day 7, Sun 03-01 skipped, 03-02..04 days 8-10
            2026-03-02 | 10 | 2026-03-16 | 4  | 0 | ordinary fortnight: two weekends (03-07/08, 03-14/15) skipped
            2026-10-03 | 5  | 2026-10-13 | 5  | 0 | starts inside 国庆 2026: 10-04..07 skipped, 10-08/09 days 1-2, 调休 Sat 10-10 day 3, Sun 10-11 skipped, 10-12/13 days 4-5
            2025-12-29 | 5  | 2026-01-06 | 3  | 0 | over the year boundary: 12-30/31 days 1-2, 元旦 01-01..03 skipped, 调休 Sun 2026-01-04 day 3, 01-05/06 days 4-5
            2025-09-26 | 10 | 2025-10-16 | 10 | 0 | 国庆 2025: Sat 09-27 skipped, 调休 Sun 09-28 day 1, 09-29/30 days 2-3, 10-01..08 skipped, 10-09/10 days 4-5, 调休 Sat 10-11 day 6, Sun 10-12 skipped, 10-13..16 days 7-10
            2026-10-03 | 0  | 2026-10-08 | 0  | 5 | zero working days is the start day, moved over 10-03..07 (国庆) like any last day
            """, ignoreLeadingAndTrailingWhitespace = true)
    void workingDaysCountOnlyDaysThatAreNotRestDays(LocalDate start, int n, LocalDate due, int skipped, int moved,
                                                     String why) {
        ComputedDeadline d = calculator.compute(start, n, PeriodUnit.WORKING_DAYS, "test");
        assertThat(d.rawEnd()).as("the N-th working day is the raw end").isEqualTo(n == 0 ? start : due);
        assertThat(d.due()).as("due").isEqualTo(due);
        assertThat(d.skipped()).as("rest days skipped").hasSize(skipped);
        assertThat(d.movedOver()).as("rest days moved over").hasSize(moved);
        assertThat(d.provisional()).isFalse();
        assertThat(d.calendarMissing()).isEmpty();
    }

    @Test
    void aWorkingDayPeriodNamesTheDaysItDidNotCount() {
        ComputedDeadline d = calculator.compute(LocalDate.of(2026, 9, 18), 10, PeriodUnit.WORKING_DAYS,
                DeadlineKind.RECONSIDERATION_ANSWER.basis());
        assertThat(d.skipped()).extracting(RestDay::date).startsWith(LocalDate.of(2026, 9, 19),
                LocalDate.of(2026, 9, 25), LocalDate.of(2026, 9, 26), LocalDate.of(2026, 9, 27),
                LocalDate.of(2026, 10, 1));
        assertThat(d.skipped()).extracting(RestDay::reason).containsOnly("星期六", "中秋节", "国庆节");
        assertThat(d.explanation())
                .contains("自2026年9月18日起算", "起算日不计入", "期间10个工作日",
                        "其间2026年9月19日（星期六）、2026年9月25日（中秋节）", "2026年10月7日（国庆节）为法定休假日，不计入",
                        "2026年9月20日（星期日）为调休上班日，计入", "第10个工作日为2026年10月9日",
                        "期限至2026年10月9日24时止", "依据2026年节假日安排", "第八十八条第二款")
                .doesNotContain("顺延");
    }

    @Test
    void theCaseDeadlinesHaveTheirLengthsAndKeys() {
        assertThat(DeadlineKind.RECONSIDERATION_ANSWER.unit()).isEqualTo(PeriodUnit.WORKING_DAYS);
        assertThat(DeadlineKind.RECONSIDERATION_ANSWER.amount()).isEqualTo(10);
        assertThat(DeadlineKind.RECONSIDERATION_ANSWER.key()).as("tasks and timers of a case find it by this key")
                .isEqualTo("statutoryAnswer");
        assertThat(DeadlineKind.SECOND_INSTANCE_ANSWER.unit()).isEqualTo(PeriodUnit.DAYS);
        assertThat(DeadlineKind.SECOND_INSTANCE_ANSWER.amount()).isEqualTo(15);
        assertThat(DeadlineKind.SECOND_INSTANCE_ANSWER.key()).isEqualTo("secondInstanceAnswer");
        assertThat(DeadlineKind.SECOND_INSTANCE_ANSWER.basis()).contains("法释〔2018〕1号", "收到上诉状副本之日起十五日内");
        // Entries stored before "kind" was written are read by their key; the answer key means the court answer.
        assertThat(DeadlineKind.of(Map.of("key", "statutoryAnswer"))).isEqualTo(DeadlineKind.STATUTORY_ANSWER);
        assertThat(DeadlineKind.of(Map.of("key", "statutoryAnswer", "kind", "RECONSIDERATION_ANSWER", "days", 10)))
                .isEqualTo(DeadlineKind.RECONSIDERATION_ANSWER);
        assertThat(DeadlineKind.of(Map.of("key", "secondInstanceAnswer"))).isEqualTo(DeadlineKind.SECOND_INSTANCE_ANSWER);
    }

    @ParameterizedTest(name = "{0} + {1} {2} = {4} ({7})")
    @CsvSource(delimiter = '|', textBlock = """
            # start    | n  | unit         | raw end    | due        | moved | provisional | what it shows (2027 has no file: statutory holidays and weekends)
            2026-12-27 | 5  | DAYS         | 2027-01-01 | 2027-01-04 | 3 | true  | 元旦 2027 is Friday 01-01; Sat 01-02 and Sun 01-03 follow
            2027-01-21 | 15 | DAYS         | 2027-02-05 | 2027-02-09 | 4 | true  | 除夕 Fri 02-05, 初一 Sat, 初二 Sun, 初三 Mon 02-08: due Tuesday
            2027-09-16 | 15 | DAYS         | 2027-10-01 | 2027-10-04 | 3 | true  | 国庆 2027 is Fri 10-01 to Sun 10-03: due Monday (weekends only would say 10-01)
            2027-09-05 | 10 | DAYS         | 2027-09-15 | 2027-09-16 | 1 | true  | 中秋 2027 is Wednesday 09-15
            2027-03-31 | 5  | DAYS         | 2027-04-05 | 2027-04-06 | 1 | true  | 清明 2027 is Monday 04-05
            2027-05-26 | 15 | DAYS         | 2027-06-10 | 2027-06-10 | 0 | true  | the day after 端午 (Wed 06-09) is a working day: a provisional year even when nothing moves
            2026-12-20 | 15 | DAYS         | 2027-01-04 | 2027-01-04 | 0 | true  | ends on the Monday after 元旦 2027
            2026-08-31 | 6  | MONTHS       | 2027-02-28 | 2027-03-01 | 1 | true  | 28 February 2027 is a Sunday
            2026-12-10 | 10 | DAYS         | 2026-12-20 | 2026-12-21 | 1 | false | only 2026 consulted: not provisional
            2023-12-27 | 5  | DAYS         | 2024-01-01 | 2024-01-01 | 0 | true  | 2024 is before the 2024 revision and has no file: weekends only
            """, ignoreLeadingAndTrailingWhitespace = true)
    void aYearWithoutNoticeCountsStatutoryHolidaysAndWeekendsProvisionally(
            LocalDate start, int n, PeriodUnit unit, LocalDate rawEnd, LocalDate due, int moved, boolean provisional,
            String why) {
        ComputedDeadline d = calculator.compute(start, n, unit, "test");
        assertThat(d.rawEnd()).as("raw end").isEqualTo(rawEnd);
        assertThat(d.due()).as("due").isEqualTo(due);
        assertThat(d.movedOver()).as("rest days moved over").hasSize(moved);
        assertThat(d.provisional()).as("provisional").isEqualTo(provisional);
        assertThat(d.calendarMissing().isEmpty()).isNotEqualTo(provisional);
    }

    @Test
    void aProvisionalDeadlineSaysSo() {
        ComputedDeadline newYear = calculator.compute(LocalDate.of(2026, 12, 27), 5, PeriodUnit.DAYS, "test");
        assertThat(newYear.movedOver()).extracting(RestDay::reason).containsExactly("元旦", "星期六", "星期日");
        assertThat(newYear.calendarYears()).isEmpty();
        assertThat(newYear.calendarMissing()).containsExactly(2027);
        assertThat(newYear.explanation())
                .contains("2027年1月1日（元旦）", "2027年放假安排尚未公布，按法定节假日和周末暂计，公布后将重新计算")
                .doesNotContain("暂仅按周末");

        ComputedDeadline old = calculator.compute(LocalDate.of(2023, 12, 27), 5, PeriodUnit.DAYS, "test");
        assertThat(old.explanation()).contains("2024年节假日安排未收录，仅按周末暂计");
    }

    @Test
    void workingDaysOverAnUnpublishedSpringFestival() {
        // Mon 2027-02-01: 02-02..04 days 1-3; 除夕 02-05, 初一 Sat 02-06, 初二 Sun 02-07, 初三 Mon 02-08 skipped;
        // 02-09 and 02-10 days 4 and 5.
        ComputedDeadline d = calculator.compute(LocalDate.of(2027, 2, 1), 5, PeriodUnit.WORKING_DAYS, "test");
        assertThat(d.due()).isEqualTo(LocalDate.of(2027, 2, 10));
        assertThat(d.skipped()).extracting(RestDay::reason).containsExactly("春节", "春节", "春节", "春节");
        assertThat(d.provisional()).isTrue();

        // From Fri 2026-12-25 the tenth working day is in 2027: provisional although the start year is published.
        // 12-28..31 days 1-4, 元旦 Fri 2027-01-01 and the weekend skipped, 01-04..08 days 5-9, Mon 01-11 day 10.
        ComputedDeadline reply = calculator.compute(LocalDate.of(2026, 12, 25), 10, PeriodUnit.WORKING_DAYS, "test");
        assertThat(reply.due()).isEqualTo(LocalDate.of(2027, 1, 11));
        assertThat(reply.calendarYears()).containsExactly(2026);
        assertThat(reply.calendarMissing()).containsExactly(2027);
        assertThat(reply.provisional()).isTrue();
    }

    @Test
    void theExplanationNamesEverythingNeededToCheckItByHand() {
        ComputedDeadline d = calculator.compute(LocalDate.of(2026, 9, 28), 7, PeriodUnit.DAYS,
                DeadlineKind.ANSWER_MATERIALS.basis());
        assertThat(d.movedOver()).extracting(RestDay::date).containsExactly(
                LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));
        assertThat(d.movedOver()).extracting(RestDay::reason).containsOnly("国庆节");
        assertThat(d.calendarYears()).isEqualTo(List.of(2026));
        assertThat(d.explanation())
                .contains("自2026年9月28日起算", "起算日不计入", "期间7日", "届满日2026年10月5日",
                        "2026年10月5日（国庆节）", "期限至2026年10月8日24时止", "依据2026年节假日安排", "第十条第二款");
    }

    @Test
    void sameDayItemsAreDueTheSameWorkingDay() {
        ComputedDeadline monday = calculator.compute(LocalDate.of(2026, 11, 30), 0, PeriodUnit.DAYS, "test");
        assertThat(monday.due()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(monday.explanation()).startsWith("当日办理");
    }
}
