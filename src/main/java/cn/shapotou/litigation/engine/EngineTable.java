package cn.shapotou.litigation.engine;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricIdentityLinkLogEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * The engine tables the application reads with its own SQL (the case register, the task cards, the overdue items),
 * where the engine's queries cannot join what a page needs in one statement. The name comes from the engine, with the
 * configured prefix, never spelled out.
 */
public enum EngineTable {

    TASK(TaskEntity.class),
    EXECUTION(ExecutionEntity.class),
    JOB(JobEntity.class),
    IDENTITY_LINK(IdentityLinkEntity.class),
    VARIABLE(VariableInstanceEntity.class),
    BYTE_ARRAY(ByteArrayEntity.class),
    PROCESS_DEFINITION(ProcessDefinitionEntity.class),
    HISTORIC_TASK(HistoricTaskInstanceEntity.class),
    HISTORIC_VARIABLE(HistoricVariableInstanceEntity.class),
    HISTORIC_DETAIL(HistoricDetailEventEntity.class),
    HISTORIC_IDENTITY_LINK_LOG(HistoricIdentityLinkLogEntity.class),
    AUTHORIZATION(AuthorizationEntity.class);

    private final Class<?> entity;

    EngineTable(Class<?> entity) {
        this.entity = entity;
    }

    public String tableName(ManagementService management) {
        return management.getTableName(entity);
    }
}
