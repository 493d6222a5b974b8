package cn.shapotou.litigation.units;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The units that may be sued or take part in a case (Art. 2), read from YAML (README「单位目录」). Validated as a whole:
 * a successor that does not exist or a chain of successors that loops would send a case nowhere (Art. 4 ¶1).
 */
public final class UnitDirectory {

    public static final String DISTRICT_GOVERNMENT = "district-government";
    public static final String DISTRICT_OFFICE = "district-office";
    public static final String JUSTICE_BUREAU = "justice-bureau";
    public static final String LEGAL_COUNSEL_OFFICE = "legal-counsel-office";
    /** District leaders are a role, not a unit. */
    public static final String DISTRICT_LEADERS = "district-leaders";

    private static final List<String> REQUIRED = List.of(DISTRICT_GOVERNMENT, DISTRICT_OFFICE, JUSTICE_BUREAU,
            LEGAL_COUNSEL_OFFICE);
    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");

    private record File(List<Unit> units) {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Map<String, Unit> units;

    public UnitDirectory(Collection<Unit> units) {
        Map<String, Unit> byId = new LinkedHashMap<>();
        for (Unit unit : units) {
            if (unit.id() == null || !ID.matcher(unit.id()).matches()) {
                throw new UnitDirectoryException("单位目录：单位标识“" + unit.id() + "”不合规，只能使用小写字母、数字和“-”");
            }
            if (unit.name() == null || unit.name().isBlank()) {
                throw new UnitDirectoryException("单位目录：单位 " + unit.id() + " 缺少名称（name）");
            }
            if (unit.kind() == null) {
                throw new UnitDirectoryException("单位目录：单位 " + unit.id() + " 缺少类别（kind）");
            }
            if (DISTRICT_LEADERS.equals(unit.id())) {
                throw new UnitDirectoryException("单位目录：district-leaders 是区政府领导的角色，不是单位");
            }
            if (byId.put(unit.id(), unit) != null) {
                throw new UnitDirectoryException("单位目录：单位标识 " + unit.id() + " 重复");
            }
        }
        for (String required : REQUIRED) {
            if (!byId.containsKey(required)) {
                throw new UnitDirectoryException("单位目录：缺少必备单位 " + required);
            }
        }
        for (Unit unit : byId.values()) {
            if (unit.successor() != null && !byId.containsKey(unit.successor())) {
                throw new UnitDirectoryException("单位目录：单位 " + unit.id() + " 的承继单位 " + unit.successor() + " 不存在");
            }
            if (unit.abolished() != null && unit.successor() == null) {
                throw new UnitDirectoryException("单位目录：已撤销的单位 " + unit.id()
                        + " 须写明承继其职能的单位（successor），否则其案件无人承办（第四条第一款）");
            }
            if (unit.successor() != null && unit.abolished() == null) {
                throw new UnitDirectoryException("单位目录：单位 " + unit.id() + " 写有承继单位，但没有撤销日期（abolished）");
            }
            Set<String> seen = new LinkedHashSet<>();
            for (Unit u = unit; u != null; u = u.successor() == null ? null : byId.get(u.successor())) {
                if (!seen.add(u.id())) {
                    throw new UnitDirectoryException("单位目录：承继关系循环：" + String.join(" → ", seen) + " → " + u.id());
                }
            }
        }
        this.units = byId;
    }

    public static UnitDirectory read(String source, InputStream in) {
        File file;
        try {
            file = YAML.readValue(in, File.class);
        } catch (IOException e) {
            throw new UnitDirectoryException("单位目录 " + source + " 无法读取：" + e.getMessage(), e);
        }
        if (file == null || file.units() == null || file.units().isEmpty()) {
            throw new UnitDirectoryException("单位目录 " + source + " 中没有单位");
        }
        return new UnitDirectory(file.units());
    }

    public Optional<Unit> find(String id) {
        return Optional.ofNullable(id == null ? null : units.get(id));
    }

    public boolean contains(String id) {
        return id != null && units.containsKey(id);
    }

    public Unit get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("未知单位：" + id));
    }

    public String nameOf(String id) {
        return find(id).map(Unit::name).orElse(id);
    }

    /** The name a document uses, e.g. 中卫市沙坡头区人民政府, 中卫市沙坡头区文昌镇人民政府. */
    public String officialName(String id, String district) {
        String name = nameOf(id);
        return name.startsWith("区") ? district + name.substring(1) : district + name;
    }

    public Collection<Unit> all() {
        return units.values();
    }

    /** Units that exist on the day: what a clerk may pick for a new case. */
    public List<Unit> current(LocalDate day) {
        List<Unit> result = new ArrayList<>();
        for (Unit unit : units.values()) {
            if (!unit.isAbolishedOn(day)) {
                result.add(unit);
            }
        }
        return result;
    }

    /**
     * The unit that carries on the functions of {@code id} on the day (Art. 4 ¶1: 承办单位被撤销的，由继续履行其职能
     * 以及承担其主要权利和义务的单位承办), following successors transitively; the chain itself is returned too, for the basis.
     */
    public List<Unit> successionChain(String id, LocalDate day) {
        List<Unit> chain = new ArrayList<>();
        Unit unit = get(id);
        chain.add(unit);
        while (unit.isAbolishedOn(day)) {
            unit = get(unit.successor());
            chain.add(unit);
        }
        return chain;
    }

    public String successorOn(String id, LocalDate day) {
        List<Unit> chain = successionChain(id, day);
        return chain.get(chain.size() - 1).id();
    }
}
