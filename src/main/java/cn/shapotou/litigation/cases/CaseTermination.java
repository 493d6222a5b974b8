package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.casecore.CaseRegistry;
import cn.shapotou.litigation.casecore.CaseView;
import cn.shapotou.litigation.deadlines.LegalClock;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A case's process deleted from outside (Cockpit's 取消流程实例, the REST API) ends without the archive step, and by
 * default Cockpit skips the process's own listeners. The engine's history event of the instance's end is written
 * whatever the way it ended, in the same transaction: that is where the register learns the case is closed (Art. 3:
 * the register the Justice Bureau keeps must not show a dead case as 办理中).
 */
@Component
public class CaseTermination extends AbstractProcessEnginePlugin implements HistoryEventHandler {

    private final ObjectProvider<CaseRegistry> registry;

    public CaseTermination(ObjectProvider<CaseRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(this);
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricProcessInstanceEventEntity instance
                && HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(instance.getEventType())
                && CaseView.CASE_PROCESS.equals(instance.getProcessDefinitionKey())
                && HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(instance.getState())) {
            registry.getObject().terminated(instance.getProcessInstanceId(),
                    LegalClock.dateOf(instance.getEndTime()));
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }
}
