package cn.shapotou.litigation.deadlines;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The holidays every citizen has off by law, whatever the State Council's annual notice later adds:
 * 《全国年节及纪念日放假办法》（2024年11月10日国务院令第795号修订，2025年1月1日起施行）第二条 — 元旦 (1 Jan), 春节
 * (农历除夕、正月初一至初三), 清明节 (the day of the 清明 solar term), 劳动节 (1–2 May), 端午节 (农历五月初五), 中秋节
 * (农历八月十五), 国庆节 (1–3 Oct). Used for a year that has no calendar file yet (src/docs/deadlines.md). The notice's
 * bridging days, the 补假 of Art. 6 for a holiday on a weekend, and its 调休 working days are not guessed: they come
 * with the year's file, and open deadlines are then recounted.
 *
 * <p>Lunar dates and the 清明 solar term come from the maintained {@code cn.6tail:lunar} library, not from a table of
 * our own. 除夕 is the day before 正月初一 (the last day of the lunar year, whether 腊月 has 29 or 30 days).
 */
final class StatutoryHolidays {

    /** The first year the 2024 revision governs; earlier years without a file are counted with weekends only. */
    static final int FIRST_YEAR = 2025;

    private static final Map<Integer, Map<LocalDate, String>> BY_YEAR = new ConcurrentHashMap<>();

    private StatutoryHolidays() {}

    /** The statutory holidays of a year with their names; empty before {@link #FIRST_YEAR}. */
    static Map<LocalDate, String> of(int year) {
        return BY_YEAR.computeIfAbsent(year, StatutoryHolidays::compute);
    }

    private static Map<LocalDate, String> compute(int year) {
        TreeMap<LocalDate, String> days = new TreeMap<>();
        if (year < FIRST_YEAR) {
            return Collections.unmodifiableMap(days);
        }
        add(days, LocalDate.of(year, 1, 1), "元旦");
        LocalDate newYear = date(Lunar.fromYmd(year, 1, 1).getSolar());
        add(days, newYear.minusDays(1), "春节");
        for (int i = 0; i < 3; i++) {
            add(days, newYear.plusDays(i), "春节");
        }
        add(days, date(Lunar.fromYmd(year, 1, 1).getJieQiTable().get("清明")), "清明节");
        add(days, LocalDate.of(year, 5, 1), "劳动节");
        add(days, LocalDate.of(year, 5, 2), "劳动节");
        add(days, date(Lunar.fromYmd(year, 5, 5).getSolar()), "端午节");
        add(days, date(Lunar.fromYmd(year, 8, 15).getSolar()), "中秋节");
        for (int day = 1; day <= 3; day++) {
            add(days, LocalDate.of(year, 10, day), "国庆节");
        }
        return Collections.unmodifiableMap(days);
    }

    /** 中秋 can fall on 国庆 (2028-10-03, 2031-10-01): the day then names both. */
    private static void add(Map<LocalDate, String> days, LocalDate day, String name) {
        days.merge(day, name, (a, b) -> a + "、" + b);
    }

    private static LocalDate date(Solar solar) {
        return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
    }
}
