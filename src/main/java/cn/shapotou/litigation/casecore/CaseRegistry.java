package cn.shapotou.litigation.casecore;

import cn.shapotou.litigation.engine.EngineClock;
import java.sql.Timestamp;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Case numbers taken, open or closed; the primary key makes a second registration of a number fail. */
@Repository
public class CaseRegistry {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    private final JdbcTemplate jdbc;

    public CaseRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the number and opens the case's register row (Art. 3: the Justice Bureau's register of every case) with
     * what the 应诉通知书 says.
     *
     * @throws CaseNumberTakenException when the number exists, also when another transaction just took it
     */
    public void register(CaseData data, String processInstanceId, String userId) {
        try {
            jdbc.update("INSERT INTO lit_case (case_number, process_instance_id, registered_at, registered_by, court, "
                    + "plaintiff, cause, received_on, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", data.caseNumber(),
                    processInstanceId, new Timestamp(EngineClock.now().getTime()), userId, data.court(),
                    data.plaintiff(), data.causeOfAction(), data.noticeReceivedOn(), OPEN);
        } catch (DuplicateKeyException e) {
            throw new CaseNumberTakenException(data.caseNumber());
        }
        units(data.caseNumber(), Map.of("defendant", data.defendant() == null ? "" : data.defendant(),
                "actingUnit", data.actingUnit() == null ? "" : data.actingUnit()));
    }

    /**
     * The case's lead unit and the units taking part in it as the case's variables now name them (CaseAccess's
     * participants rule), replacing the earlier ones: the unit that determination (Art. 4) or the approved handling
     * proposal (Art. 10 ¶1) no longer names no longer finds the case in its register, as it can no longer open it.
     */
    public void units(String caseNumber, Map<String, ?> caseVariables) {
        Object lead = caseVariables.get("leadUnit");
        if (lead instanceof String l && !l.isBlank()) {
            jdbc.update("UPDATE lit_case SET lead_unit = ? WHERE case_number = ?", l, caseNumber);
        }
        Set<String> units = new LinkedHashSet<>(CaseAccess.participants(caseVariables));
        units.removeAll(CaseAccess.EVERY_CASE);
        jdbc.update("DELETE FROM lit_case_unit WHERE case_number = ?", caseNumber);
        jdbc.batchUpdate("INSERT INTO lit_case_unit (case_number, unit) VALUES (?, ?)",
                units.stream().map(u -> new Object[] {caseNumber, u}).toList());
    }

    /** The case is archived (Art. 18): the register shows it closed on that day. */
    public void close(String caseNumber, java.time.LocalDate closedOn) {
        jdbc.update("UPDATE lit_case SET status = ?, closed_on = ? WHERE case_number = ?", CLOSED,
                closedOn, caseNumber);
    }

    /**
     * The case's process was ended from outside (an operator deleted it, e.g. a case registered by mistake): the
     * register shows it closed that day, not open forever, and its answer is no longer watched. Only the instance the
     * number names now, and only while it is open: an archived case stays as archived.
     */
    public void terminated(String processInstanceId, java.time.LocalDate on) {
        jdbc.update("UPDATE lit_case SET status = ?, closed_on = ?, answer_due = NULL, answer_key = NULL WHERE "
                + "process_instance_id = ? "
                + "AND status = ?", CLOSED, on, processInstanceId, OPEN);
    }

    /** An archived case goes before the court again (a retrial): its number now names the reopened instance. */
    public void reopen(String caseNumber, String processInstanceId) {
        jdbc.update("UPDATE lit_case SET process_instance_id = ?, answer_due = NULL, answer_key = NULL, status = ?, "
                + "closed_on = NULL "
                + "WHERE case_number = ?", processInstanceId, OPEN, caseNumber);
    }

    /**
     * The statutory answer deadline the supervision watches for this case and which of the case's deadlines it is
     * ({@code key}, e.g. a second instance's own); both null once the answer is delivered.
     */
    public void watchAnswer(String processInstanceId, java.time.LocalDate due, String key) {
        jdbc.update("UPDATE lit_case SET answer_due = ?, answer_key = ? WHERE process_instance_id = ?",
                due, key, processInstanceId);
    }

    public boolean exists(String caseNumber) {
        return processInstanceId(caseNumber).isPresent();
    }

    public Optional<String> processInstanceId(String caseNumber) {
        return jdbc.query("SELECT process_instance_id FROM lit_case WHERE case_number = ?",
                (rs, i) -> rs.getString(1), caseNumber).stream().findFirst();
    }
}
