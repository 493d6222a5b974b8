package cn.shapotou.litigation.units;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shapotou.litigation.LitigationApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A directory that would send cases nowhere stops the application before it serves anyone. */
class BadDirectoryStartupTest {

    @TempDir
    Path dir;

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
        assertThatThrownBy(() -> new SpringApplicationBuilder(LitigationApplication.class).run(
                "--litigation.units-file=" + file, "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:bad-directory;DB_CLOSE_DELAY=-1"))
                .hasRootCauseInstanceOf(UnitDirectoryException.class)
                .rootCause().hasMessageContaining("承继关系循环");
    }

    @Test
    void aMissingFileStopsStartUp() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(LitigationApplication.class).run(
                "--litigation.units-file=" + dir.resolve("missing.yaml"), "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:bad-directory-2;DB_CLOSE_DELAY=-1"))
                .rootCause().hasMessageContaining("不存在或无法读取");
    }
}
