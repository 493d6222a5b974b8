package cn.shapotou.litigation.identity;

import org.camunda.bpm.engine.identity.User;

/** How the application's pages name a person: as the webapps do, the name, then the unit in brackets. */
public final class PersonNames {

    private PersonNames() {}

    /** "李强（区司法局）" for first name 李强 and last name 区司法局 (the demo users carry their unit as last name). */
    public static String of(User user) {
        String first = user.getFirstName() == null ? "" : user.getFirstName().trim();
        String last = user.getLastName() == null ? "" : user.getLastName().trim();
        if (first.isEmpty() && last.isEmpty()) {
            return user.getId();
        }
        return first.isEmpty() ? last : last.isEmpty() ? first : first + "（" + last + "）";
    }
}
