package cn.shapotou.litigation.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A calendar file that contradicts itself stops start-up with a message saying what is wrong and where. */
class CalendarFileTest {

    private static YearCalendar read(String name, String yaml) {
        return CalendarFile.read(name, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsAValidFile() {
        YearCalendar year = read("2030.yaml", """
                year: 2030
                source: 测试
                holidays:
                  - name: 元旦
                    from: 2030-01-01
                    to: 2030-01-01
                adjustedWorkingDays: [2030-01-05]
                """);
        assertThat(year.offDays()).containsEntry(LocalDate.of(2030, 1, 1), "元旦");
        assertThat(year.adjustedWorkingDays()).containsExactly(LocalDate.of(2030, 1, 5));
    }

    @Test
    void aDateListedTwiceIsRefused() {
        assertThatThrownBy(() -> read("2030.yaml", """
                year: 2030
                holidays:
                  - {name: 春节, from: 2030-02-02, to: 2030-02-08}
                  - {name: 另一个, from: 2030-02-08, to: 2030-02-09}
                """)).isInstanceOf(CalendarException.class).hasMessageContaining("2030-02-08 被列出两次");
        assertThatThrownBy(() -> read("2030.yaml", """
                year: 2030
                adjustedWorkingDays: [2030-01-05, 2030-01-05]
                """)).hasMessageContaining("调休上班日 2030-01-05 被列出两次");
    }

    @Test
    void aDateOutsideItsYearIsRefused() {
        assertThatThrownBy(() -> read("2030.yaml", """
                year: 2030
                holidays:
                  - {name: 元旦, from: 2029-12-31, to: 2030-01-01}
                """)).isInstanceOf(CalendarException.class).hasMessageContaining("2029-12-31 不在 2030 年内");
    }

    @Test
    void anAdjustedWorkingDayThatIsNoWeekendIsRefused() {
        // 2030-01-07 is a Monday
        assertThatThrownBy(() -> read("2030.yaml", """
                year: 2030
                adjustedWorkingDays: [2030-01-07]
                """)).isInstanceOf(CalendarException.class).hasMessageContaining("2030-01-07 不是周末");
    }

    @Test
    void aDayBothOffAndWorkingIsRefused() {
        assertThatThrownBy(() -> read("2030.yaml", """
                year: 2030
                holidays:
                  - {name: 元旦, from: 2030-01-05, to: 2030-01-05}
                adjustedWorkingDays: [2030-01-05]
                """)).hasMessageContaining("既是假日");
    }

    @Test
    void theFileNameMustMatchTheYear() {
        assertThatThrownBy(() -> read("2031.yaml", "year: 2030\n")).hasMessageContaining("文件名应为 2030.yaml");
    }

    @Test
    void unreadableYamlIsRefused() {
        assertThatThrownBy(() -> read("2030.yaml", "year: [")).isInstanceOf(CalendarException.class)
                .hasMessageContaining("无法读取");
        assertThatThrownBy(() -> read("2030.yaml", "year: 2030\nholidayz: []\n")).hasMessageContaining("无法读取");
    }

    @Test
    void theShippedCalendarsAreValidAndComplete() {
        HolidayCalendar calendar = new HolidayCalendarRepository("").calendar();
        assertThat(calendar.years()).containsKeys(2025, 2026);
        assertThat(calendar.years().get(2025).offDays()).hasSize(1 + 8 + 3 + 5 + 3 + 8);
        assertThat(calendar.years().get(2026).offDays()).hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
        assertThat(calendar.years().get(2025).adjustedWorkingDays()).hasSize(5);
        assertThat(calendar.years().get(2026).adjustedWorkingDays()).hasSize(6);
    }
}
