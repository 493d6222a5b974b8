package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.casecore.CaseRegistry;
import cn.shapotou.litigation.casecore.CaseView;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills the case register's columns (Art. 3) of cases registered before the register kept them, from each case's own
 * variables. Idempotent: only rows without a status are read, and when there are none start-up pays for one indexed
 * query.
 */
@Component
public class CaseRegisterBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(CaseRegisterBackfill.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final CaseView cases;
    private final CaseRegistry registry;

    public CaseRegisterBackfill(JdbcTemplate jdbc, CaseView cases, CaseRegistry registry) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.registry = registry;
    }

    /** The number of cases filled in. */
    public int run() {
        int filled = 0;
        while (true) {
            List<String> missing = jdbc.query("SELECT case_number FROM lit_case WHERE status IS NULL "
                    + "ORDER BY case_number FETCH FIRST " + BATCH + " ROWS ONLY", (rs, i) -> rs.getString(1));
            if (missing.isEmpty()) {
                break;
            }
            for (String caseNumber : missing) {
                fill(caseNumber);
                filled++;
            }
        }
        if (filled > 0) {
            LOG.info("案件台账：已为 {} 件早先登记的案件补录台账信息", filled);
        }
        return filled;
    }

    private void fill(String caseNumber) {
        Map<String, Object> vars = cases.caseVariables(caseNumber).orElse(Map.of());
        String status = "CLOSED".equals(vars.get("__status")) ? CaseRegistry.CLOSED : CaseRegistry.OPEN;
        jdbc.update("UPDATE lit_case SET court = ?, plaintiff = ?, cause = ?, received_on = ?, status = ?, "
                        + "closed_on = ? WHERE case_number = ?", text(vars.get("court")), text(vars.get("plaintiff")),
                text(vars.get("causeOfAction")), date(vars.get("noticeReceivedOn")), status,
                CaseRegistry.CLOSED.equals(status) ? date(vars.get("closedOn")) : null, caseNumber);
        registry.units(caseNumber, vars);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static LocalDate date(Object value) {
        String text = text(value);
        try {
            return text == null || text.length() < 10 ? null : LocalDate.parse(text.substring(0, 10));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
