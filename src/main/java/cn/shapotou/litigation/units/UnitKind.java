package cn.shapotou.litigation.units;

/** What kind of body a unit is (Art. 2): the district government, its office, a department, a township, counsel. */
public enum UnitKind {
    GOVERNMENT, OFFICE, DEPARTMENT, TOWNSHIP, COUNSEL
}
