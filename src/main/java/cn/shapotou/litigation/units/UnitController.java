package cn.shapotou.litigation.units;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.engine.EngineClock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/units}: the units of the directory (the bodies of Art. 2), id and Chinese name, and whether they exist
 * today, for the register's 承办单位 filter and the names on a case page. The directory is public knowledge inside the government; it tells nothing of cases.
 */
@RestController
public class UnitController {

    private final UnitDirectory directory;

    public UnitController(UnitDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/units")
    public List<Map<String, Object>> units() {
        LocalDate today = LegalClock.dateOf(EngineClock.now());
        return directory.all().stream().map(u -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", u.id());
            json.put("name", u.name());
            json.put("kind", u.kind().name());
            // Abolished units still name the cases they handled (their successor handles what is open).
            json.put("current", !u.isAbolishedOn(today));
            return json;
        }).toList();
    }
}
