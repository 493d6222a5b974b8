package cn.shapotou.litigation.deadlines;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The holiday calendar in force: the year files shipped on the classpath ({@code calendar/YYYY.yaml}), overridden or
 * extended by the files of {@code litigation.calendar-dir}, so an operator adds next year's notice without a release.
 * Loaded at start-up (a bad file stops it) and again on an administrator's request.
 */
@Component
public class HolidayCalendarRepository {

    private static final Logger log = LoggerFactory.getLogger(HolidayCalendarRepository.class);

    private final Path externalDir;
    private final AtomicReference<HolidayCalendar> current = new AtomicReference<>();

    public HolidayCalendarRepository(@Value("${litigation.calendar-dir:}") String externalDir) {
        this.externalDir = externalDir == null || externalDir.isBlank() ? null : Path.of(externalDir);
        current.set(load());
    }

    public HolidayCalendar calendar() {
        return current.get();
    }

    public LegalPeriodCalculator calculator() {
        return new LegalPeriodCalculator(current.get());
    }

    /** Reads the files again; throws {@link CalendarException} and keeps the old calendar if one is bad. */
    public HolidayCalendar reload() {
        HolidayCalendar loaded = load();
        current.set(loaded);
        return loaded;
    }

    private HolidayCalendar load() {
        Map<Integer, YearCalendar> years = new LinkedHashMap<>();
        try {
            Resource[] shipped = new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/*.yaml");
            for (Resource resource : shipped) {
                try (InputStream in = resource.getInputStream()) {
                    YearCalendar year = CalendarFile.read(resource.getFilename(), in);
                    if (years.put(year.year(), year) != null) {
                        throw new CalendarException("节假日日历：" + year.year() + " 年的日历在类路径上出现两次");
                    }
                }
            }
            if (externalDir != null && Files.isDirectory(externalDir)) {
                List<Path> files;
                try (Stream<Path> list = Files.list(externalDir)) {
                    files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
                }
                for (Path file : files) {
                    try (InputStream in = Files.newInputStream(file)) {
                        YearCalendar year = CalendarFile.read(file.toString(), in);
                        years.put(year.year(), year);
                    }
                }
            }
        } catch (IOException e) {
            throw new CalendarException("节假日日历无法读取：" + e.getMessage(), e);
        }
        log.info("Holiday calendar loaded for years {}", years.keySet());
        return new HolidayCalendar(new ArrayList<>(years.values()));
    }
}
