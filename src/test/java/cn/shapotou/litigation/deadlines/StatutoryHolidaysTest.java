package cn.shapotou.litigation.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The statutory holidays of the 全国年节及纪念日放假办法 (2024 revision, Art. 2) for years without a notice, with lunar
 * dates from the lunar-calendar library. Expected dates are the published lunar calendar's, checked against a second,
 * independent lunar library (2027) and against the State Council's notices for 2025 and 2026.
 */
class StatutoryHolidaysTest {

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # year | day        | holiday | why
            2027   | 2027-01-01 | 元旦    | 1 January
            2027   | 2027-02-05 | 春节    | 除夕: 腊月 of the lunar year 2026 has 29 days, 除夕 is 腊月廿九
            2027   | 2027-02-06 | 春节    | 正月初一
            2027   | 2027-02-08 | 春节    | 正月初三, the last of the four days
            2027   | 2027-04-05 | 清明节  | the day of the 清明 solar term
            2027   | 2027-05-01 | 劳动节  | 1 May (a Saturday: the 补假 of Art. 6 is the notice's to set)
            2027   | 2027-05-02 | 劳动节  | 2 May
            2027   | 2027-06-09 | 端午节  | 五月初五
            2027   | 2027-09-15 | 中秋节  | 八月十五
            2027   | 2027-10-01 | 国庆节  | 1 October
            2027   | 2027-10-03 | 国庆节  | 3 October
            2030   | 2030-02-02 | 春节    | 除夕 is 腊月三十 when 腊月 has 30 days
            2030   | 2030-02-05 | 春节    | 正月初三 2030
            2028   | 2028-01-25 | 春节    | 除夕 2028, in January
            2028   | 2028-10-03 | 中秋节、国庆节 | 中秋 2028 falls on 国庆: one day, both names
            """, ignoreLeadingAndTrailingWhitespace = true)
    void restDaysOfTheLaw(int year, LocalDate day, String holiday, String why) {
        assertThat(StatutoryHolidays.of(year)).containsEntry(day, holiday);
    }

    @Test
    void aYearHasThirteenHolidayDaysUnlessTwoCoincide() {
        assertThat(StatutoryHolidays.of(2027)).hasSize(1 + 4 + 1 + 2 + 1 + 1 + 3);
        assertThat(StatutoryHolidays.of(2028)).hasSize(12);
        assertThat(StatutoryHolidays.of(2027)).doesNotContainKeys(LocalDate.of(2027, 2, 4), LocalDate.of(2027, 2, 9),
                LocalDate.of(2027, 10, 4));
    }

    @Test
    void yearsBeforeTheRevisionHaveNone() {
        assertThat(StatutoryHolidays.of(2024)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2025", "2026"})
    void everyStatutoryHolidayIsOffInThePublishedNotice(int year) {
        YearCalendar published = new HolidayCalendarRepository("").calendar().years().get(year);
        for (Map.Entry<LocalDate, String> holiday : StatutoryHolidays.of(year).entrySet()) {
            assertThat(published.offDays()).as(holiday.toString()).containsKey(holiday.getKey());
        }
    }
}
