package cn.shapotou.litigation.engine;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Work in a transaction of its own, committed or rolled back alone, so that one item that fails (another node took
 * it meanwhile) does not undo the others of the same sweep (README「事务边界与重试」).
 */
@Component
public class EngineTransactions {

    private final ProcessEngineConfigurationImpl configuration;

    public EngineTransactions(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    public void inNewTransaction(Runnable work) {
        configuration.getCommandExecutorTxRequiresNew().execute(commandContext -> {
            work.run();
            return null;
        });
    }
}
