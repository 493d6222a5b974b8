package cn.shapotou.litigation.units;

import static cn.shapotou.litigation.units.UnitDirectory.DISTRICT_GOVERNMENT;
import static cn.shapotou.litigation.units.UnitDirectory.LEGAL_COUNSEL_OFFICE;

import cn.shapotou.litigation.deadlines.LegalClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Forms pick units by name from the directory in force, which an operator may replace (README「单位目录」). A select or
 * taglist field marked {@code "properties": {"unitOptions": "handling"}} (or {@code "defendants"}) gets the
 * directory's current units as options, and the filled form is deployed as the newest version of the same form id
 * (forms are bound with {@code formRefBinding="latest"}). Unchanged forms are not deployed again.
 */
@Component
public class UnitOptionForms {

    private static final Logger log = LoggerFactory.getLogger(UnitOptionForms.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String DEPLOYMENT_NAME = "unit-directory-forms";

    private final UnitDirectory units;
    private final RepositoryService repository;
    private final LegalClock clock;

    public UnitOptionForms(UnitDirectory units, RepositoryService repository, LegalClock clock) {
        this.units = units;
        this.repository = repository;
        this.clock = clock;
    }

    public void deploy() throws IOException {
        // Duplicate filtering against this deployment name: a restart with the same directory and forms deploys nothing.
        DeploymentBuilder deployment = repository.createDeployment().name(DEPLOYMENT_NAME)
                .source("unit-directory").enableDuplicateFiltering(true);
        int filled = 0;
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:*.form")) {
            JsonNode form;
            try (InputStream in = resource.getInputStream()) {
                form = JSON.readTree(in);
            }
            if (fill(form)) {
                deployment.addString(resource.getFilename(), JSON.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(form));
                filled++;
            }
        }
        if (filled > 0) {
            var deployed = deployment.deployWithResult();
            log.info("Unit options filled into {} form(s), deployment {}", filled, deployed.getId());
        }
    }

    /** Fills every marked field below {@code node}; true if any was marked. */
    boolean fill(JsonNode node) {
        boolean marked = false;
        if (node instanceof ObjectNode object) {
            JsonNode kind = object.path("properties").path("unitOptions");
            if (kind.isTextual()) {
                ArrayNode values = object.putArray("values");
                for (Map.Entry<String, String> option : options(kind.asText()).entrySet()) {
                    values.addObject().put("label", option.getValue()).put("value", option.getKey());
                }
                marked = true;
            }
            JsonNode components = object.get("components");
            if (components != null) {
                for (JsonNode child : components) {
                    marked |= fill(child);
                }
            }
        }
        return marked;
    }

    private Map<String, String> options(String kind) {
        Map<String, String> options = new LinkedHashMap<>();
        // The acting unit may be one abolished since the act: Art. 4 ¶1 then hands the case to its successor.
        List<Unit> candidates = "acting".equals(kind) ? List.copyOf(units.all()) : units.current(clock.today());
        for (Unit unit : candidates) {
            boolean include = switch (kind) {
                // Art. 2: the district government, its departments and the townships may be sued.
                case "defendants" -> !LEGAL_COUNSEL_OFFICE.equals(unit.id());
                // Art. 4: a department, township or office handles a case, never the government itself.
                case "handling", "acting" -> !DISTRICT_GOVERNMENT.equals(unit.id())
                        && !LEGAL_COUNSEL_OFFICE.equals(unit.id());
                default -> throw new UnitDirectoryException("表单字段的 unitOptions 取值未知：" + kind);
            };
            if (include) {
                options.put(unit.id(), unit.name());
            }
        }
        return options;
    }
}
