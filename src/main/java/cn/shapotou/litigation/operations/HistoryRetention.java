package cn.shapotou.litigation.operations;

import cn.shapotou.litigation.escalation.DeadlineWatch;
import cn.shapotou.litigation.escalation.SupervisionProcess;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * How long the engine keeps the history of finished instances before its history cleanup removes them. A case's
 * history is the record of how the government answered in court: litigation files of an agency are archives, kept 30
 * years or permanently (《机关文件材料归档范围和文书档案保管期限规定》), and the archived dossier (电子卷宗的归档副本)
 * outlives the engine's history in any case. A 督办 is needed for the years its statistics are reported in (Art. 19,
 * 20); the supervision sweep's own instances only for a day.
 *
 * <p>The models carry these defaults; {@code litigation.retention.*} changes them, and at start-up every deployed
 * version, earlier ones included, is set to what is configured now, so that a changed rule reaches the cases already
 * finished under an earlier model.
 */
@Component
public class HistoryRetention {

    private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

    private final RepositoryService repository;
    private final int caseDays;
    private final int supervisionDays;
    private final int watchDays;

    public HistoryRetention(RepositoryService repository,
                            @Value("${litigation.retention.case-history-days:10950}") int caseDays,
                            @Value("${litigation.retention.supervision-history-days:1825}") int supervisionDays,
                            @Value("${litigation.retention.watch-history-days:1}") int watchDays) {
        if (caseDays < 1 || supervisionDays < 1 || watchDays < 1) {
            throw new IllegalStateException("litigation.retention.*-history-days must be at least 1 day");
        }
        this.repository = repository;
        this.caseDays = caseDays;
        this.supervisionDays = supervisionDays;
        this.watchDays = watchDays;
    }

    /** The days the history of this process is kept. */
    public int daysFor(String processKey) {
        return switch (processKey) {
            case DeadlineWatch.PROCESS_KEY -> watchDays;
            case SupervisionProcess.PROCESS_KEY -> supervisionDays;
            default -> caseDays;
        };
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void apply() {
        int changed = 0;
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
            int days = daysFor(definition.getKey());
            if (definition.getHistoryTimeToLive() == null || definition.getHistoryTimeToLive() != days) {
                repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
                changed++;
            }
        }
        if (changed > 0) {
            log.info("History time to live set on {} process definition versions (cases {} days, 督办 {} days)",
                    changed, caseDays, supervisionDays);
        }
    }
}
