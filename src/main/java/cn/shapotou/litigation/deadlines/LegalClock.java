package cn.shapotou.litigation.deadlines;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import cn.shapotou.litigation.engine.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Every legal date is a calendar date in Asia/Shanghai, whatever the JVM's zone (README「期限与节假日日历」). "Now" is the
 * engine's clock, so that the engine's timers and our dates never disagree (tests move that clock).
 */
@Component
public class LegalClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public LocalDate today() {
        return EngineClock.now().toInstant().atZone(ZONE).toLocalDate();
    }

    /** A deadline day D is met by anything done on D: the item is due at 23:59:59 local time (src/docs/deadlines.md). */
    public static Date endOfDay(LocalDate day) {
        return Date.from(day.atTime(23, 59, 59).atZone(ZONE).toInstant());
    }

    public static ZonedDateTime endOfDayZoned(LocalDate day) {
        return day.atTime(23, 59, 59).atZone(ZONE);
    }

    /** An instant as people read it here: ISO date and time in Asia/Shanghai with its offset; null for none. */
    public static String offsetText(Date instant) {
        return instant == null ? null : instant.toInstant().atZone(ZONE).toOffsetDateTime().toString();
    }

    /** The legal date (Asia/Shanghai) of an instant. */
    public static LocalDate dateOf(Date instant) {
        return instant.toInstant().atZone(ZONE).toLocalDate();
    }
}
