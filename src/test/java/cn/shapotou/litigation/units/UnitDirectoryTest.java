package cn.shapotou.litigation.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The directory is checked as a whole: a case must never be sent to a unit that does not exist or to a loop. */
class UnitDirectoryTest {

    private static final String BASE = """
            units:
              - {id: district-government, name: 区人民政府, kind: GOVERNMENT}
              - {id: district-office, name: 区政府办公室, kind: OFFICE}
              - {id: justice-bureau, name: 区司法局, kind: DEPARTMENT}
              - {id: legal-counsel-office, name: 区法律顾问室, kind: COUNSEL}
            """;

    private static UnitDirectory read(String extra) {
        return UnitDirectory.read("test.yaml",
                new ByteArrayInputStream((BASE + extra).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theDefaultDirectoryHasEveryUnitTheContractNames() {
        UnitDirectory units = new UnitDirectoryConfiguration().unitDirectoryOrThrow("");
        assertThat(units.all()).extracting(Unit::id).contains("district-government", "district-office",
                "justice-bureau", "legal-counsel-office", "natural-resources", "housing", "binhe-town",
                "wenchang-town", "dongyuan-town", "rouyuan-town", "zhenluo-town", "xuanhe-town", "yongkang-town",
                "changle-town", "yingshuiqiao-town", "xingren-town", "xiangshan-township");
        assertThat(units.nameOf("natural-resources")).isEqualTo("区自然资源局");
        assertThat(units.nameOf("housing")).isEqualTo("区住房和城乡建设局");
        assertThat(units.nameOf("wenchang-town")).isEqualTo("文昌镇人民政府");
    }

    @Test
    void successorsAreFollowedTransitivelyFromTheDayOfAbolition() {
        UnitDirectory units = read("""
                  - {id: new-unit, name: 新局, kind: DEPARTMENT}
                  - {id: middle, name: 中间局, kind: DEPARTMENT, abolished: 2021-03-01, successor: new-unit}
                  - {id: oldest, name: 最早局, kind: DEPARTMENT, abolished: 2019-01-01, successor: middle}
                """);
        assertThat(units.successorOn("oldest", LocalDate.of(2026, 1, 1))).isEqualTo("new-unit");
        assertThat(units.successionChain("oldest", LocalDate.of(2026, 1, 1))).extracting(Unit::id)
                .containsExactly("oldest", "middle", "new-unit");
        // Before the middle unit was abolished, it still carried the functions.
        assertThat(units.successorOn("oldest", LocalDate.of(2020, 6, 1))).isEqualTo("middle");
        assertThat(units.current(LocalDate.of(2026, 1, 1))).extracting(Unit::id).doesNotContain("middle", "oldest");
    }

    @Test
    void anUnknownSuccessorStopsStartUp() {
        assertThatThrownBy(() -> read("""
                  - {id: old, name: 旧局, kind: DEPARTMENT, abolished: 2021-03-01, successor: nowhere}
                """)).isInstanceOf(UnitDirectoryException.class).hasMessageContaining("承继单位 nowhere 不存在");
    }

    @Test
    void aSuccessorCycleStopsStartUp() {
        assertThatThrownBy(() -> read("""
                  - {id: a-unit, name: 甲局, kind: DEPARTMENT, abolished: 2021-03-01, successor: b-unit}
                  - {id: b-unit, name: 乙局, kind: DEPARTMENT, abolished: 2021-03-01, successor: a-unit}
                """)).isInstanceOf(UnitDirectoryException.class)
                .hasMessageContaining("承继关系循环：a-unit → b-unit → a-unit");
    }

    @Test
    void anAbolishedUnitNeedsASuccessor() {
        assertThatThrownBy(() -> read("""
                  - {id: old, name: 旧局, kind: DEPARTMENT, abolished: 2021-03-01}
                """)).hasMessageContaining("须写明承继其职能的单位");
    }

    @Test
    void badIdsDuplicatesAndMissingUnitsAreRefused() {
        assertThatThrownBy(() -> read("  - {id: Bad_Id, name: 坏, kind: DEPARTMENT}\n"))
                .hasMessageContaining("单位标识“Bad_Id”不合规");
        assertThatThrownBy(() -> read("  - {id: justice-bureau, name: 重复, kind: DEPARTMENT}\n"))
                .hasMessageContaining("justice-bureau 重复");
        assertThatThrownBy(() -> UnitDirectory.read("t", new ByteArrayInputStream(
                "units:\n  - {id: district-government, name: 区人民政府, kind: GOVERNMENT}\n".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("缺少必备单位 district-office");
        assertThatThrownBy(() -> read("  - {id: x, name: 某, kind: MINISTRY}\n")).hasMessageContaining("无法读取");
    }
}
