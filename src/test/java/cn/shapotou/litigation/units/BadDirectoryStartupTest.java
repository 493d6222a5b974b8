package cn.shapotou.litigation.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A directory that would send cases nowhere stops the application before it serves anyone: the directory bean
 * fails, and with it the context. (Only the directory's configuration is started here: a second full application in
 * the test JVM would replace the shared test engine in Camunda's static engine registry.)
 */
class BadDirectoryStartupTest {

    @TempDir
    Path dir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(UnitDirectoryConfiguration.class);

    @Test
    void aSuccessorCycleStopsStartUpWithAClearMessage() throws Exception {
        Path file = dir.resolve("units.yaml");
        Files.writeString(file, """
                units:
                  - {id: district-government, name: 区人民政府, kind: GOVERNMENT}
                  - {id: district-office, name: 区政府办公室, kind: OFFICE}
                  - {id: justice-bureau, name: 区司法局, kind: DEPARTMENT}
                  - {id: legal-counsel-office, name: 区法律顾问室, kind: COUNSEL}
                  - {id: a-unit, name: 甲局, kind: DEPARTMENT, abolished: 2021-03-01, successor: b-unit}
                  - {id: b-unit, name: 乙局, kind: DEPARTMENT, abolished: 2021-03-01, successor: a-unit}
                """);
        runner.withPropertyValues("litigation.units-file=" + file).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(UnitDirectoryException.class)
                    .hasMessageContaining("承继关系循环");
        });
    }

    @Test
    void aMissingFileStopsStartUp() {
        runner.withPropertyValues("litigation.units-file=" + dir.resolve("missing.yaml")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("不存在或无法读取");
        });
    }

    @Test
    void theDefaultDirectoryStarts() {
        runner.run(context -> assertThat(context).hasSingleBean(UnitDirectory.class));
    }
}
