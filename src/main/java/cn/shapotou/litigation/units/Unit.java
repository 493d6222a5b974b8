package cn.shapotou.litigation.units;

import java.time.LocalDate;

/** A unit of the directory; its id is also its Camunda group id (README「单位目录」). */
public record Unit(String id, String name, UnitKind kind, LocalDate abolished, String successor) {

    public boolean isAbolishedOn(LocalDate day) {
        return abolished != null && !abolished.isAfter(day);
    }
}
