package cn.shapotou.litigation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.ModelNames;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** How long the history of finished instances is kept: cases 30 years, 督办 5 years, the sweep a day. */
@IntegrationTest
class HistoryRetentionTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    HistoryRetention retention;

    @Test
    void everyModelKeepsItsHistoryAsLongAsItsRecordIsNeeded() {
        Set<String> files = ModelNames.productModels().stream().map(f -> f.getFileName().toString())
                .collect(Collectors.toSet());
        int models = 0;
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            String resource = definition.getResourceName();
            if (files.contains(resource.substring(resource.lastIndexOf('/') + 1))) {
                models++;
                assertThat(definition.getVersionTag()).as("versionTag of %s", definition.getKey()).isNotBlank();
                assertThat(definition.getHistoryTimeToLive()).as(definition.getKey())
                        .isEqualTo(retention.daysFor(definition.getKey()));
            }
        }
        assertThat(models).as("the product's models").isEqualTo(files.size());
        assertThat(latest("litigation-case").getHistoryTimeToLive()).isEqualTo(30 * 365);
        assertThat(latest("answer-preparation").getHistoryTimeToLive()).isEqualTo(30 * 365);
        assertThat(latest("supervision").getHistoryTimeToLive()).isEqualTo(5 * 365);
        assertThat(latest("deadline-watch").getHistoryTimeToLive()).isEqualTo(1);
    }

    @Test
    void anEarlierVersionDeployedWithAnotherRuleIsSetToTheRuleInForce() {
        String key = "retention-" + Long.toString(System.nanoTime(), 36);
        repository.createDeployment().addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(3650).camundaVersionTag("0.9.0").startEvent().endEvent().done()).deploy();
        assertThat(latest(key).getHistoryTimeToLive()).isEqualTo(3650);

        retention.apply();

        assertThat(latest(key).getHistoryTimeToLive()).isEqualTo(30 * 365);
    }

    private ProcessDefinition latest(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }
}
