package cn.shapotou.litigation.escalation;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.springframework.stereotype.Component;

/**
 * Registers the incident type {@code deadline-overdue} (README「督办（区司法局）」) with the engine, so Cockpit shows its
 * message.
 */
@Component
public class EscalationPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomIncidentHandlers());
        handlers.add(new DefaultIncidentHandler(DeadlineWatch.INCIDENT_TYPE));
        configuration.setCustomIncidentHandlers(handlers);
    }
}
