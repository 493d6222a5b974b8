package cn.shapotou.litigation.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** The reminder timer's cycle and the reminder points (README「督办（区司法局）」). */
class ReminderDaysTest {

    private static final LocalDate DUE = LocalDate.of(2026, 12, 7);

    private static Date at(int day, int hour) {
        return Date.from(ZonedDateTime.of(2026, 12, day, hour, 0, 0, 0, LegalClock.ZONE).toInstant());
    }

    @Test
    void twoDaysBeforeAndOnTheDayIsOneCycleOfTwoDaysStep() {
        ReminderDays days = new ReminderDays("2,0");
        assertThat(days.cycle(DUE)).isEqualTo("R1/2026-12-05T00:00:00+08:00/P2D");
        assertThat(days.cycle(DUE, at(1, 10))).isEqualTo(days.cycle(DUE));
        assertThat(days.cycle(DUE, at(6, 10))).as("the deadline day still ahead").isEqualTo(days.cycle(DUE));
    }

    @Test
    void unevenDaysFireDailyAndOneDayOnce() {
        assertThat(new ReminderDays("0, 3, 7").cycle(DUE)).isEqualTo("R7/2026-11-30T00:00:00+08:00/P1D");
        assertThat(new ReminderDays("6,3,0").cycle(DUE)).isEqualTo("R2/2026-12-01T00:00:00+08:00/P3D");
        assertThat(new ReminderDays("0").cycle(DUE)).isEqualTo("R0/2026-12-07T00:00:00+08:00/P1D");
    }

    @Test
    void aTimerMadeWithNoReminderDayAheadWaitsForTheNextMidnightOnly() {
        // the engine refuses a timer without a next moment
        assertThat(new ReminderDays("2,0").cycle(DUE, at(7, 10))).isEqualTo("R0/2026-12-08T00:00:00+08:00/P1D");
        assertThat(new ReminderDays("2,0").cycle(DUE, at(9, 10))).isEqualTo("R0/2026-12-10T00:00:00+08:00/P1D");
    }

    @Test
    void theNearestReminderPointReachedAndTheNextLook() {
        ReminderDays days = new ReminderDays("2,0");
        assertThat(days.nearestReached(5)).isNull();
        assertThat(days.nearestReached(2)).isEqualTo(2);
        assertThat(days.nearestReached(1)).as("born inside the window: the 2 days' reminder").isEqualTo(2);
        assertThat(days.nearestReached(0)).isEqualTo(0);
        assertThat(days.nearestReached(-1)).isNull();
        assertThat(days.next(DUE, at(1, 10))).isEqualTo(at(5, 0));
        assertThat(days.next(DUE, at(6, 10))).as("inside the window: at once").isEqualTo(at(6, 10));
    }
}
