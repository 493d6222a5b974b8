package cn.shapotou.litigation.identity;

import cn.shapotou.litigation.web.NavigationBar;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The navigation bar of the application's own pages (the register, a case, the annual report): only the links the
 * user may follow. The annual report is for its readers (Art. 19, 20), Cockpit for the Justice Bureau that supervises
 * all cases (Art. 3) and the administrators.
 */
@Component
public class PageNavigation implements NavigationBar {

    private final IdentityService identity;
    private final SystemAccess system;

    public PageNavigation(IdentityService identity, SystemAccess system) {
        this.identity = identity;
        this.system = system;
    }

    /** The bar for this webapp user, {@code current} marked as the page shown. */
    public String html(UserAuthentication user, String current) {
        List<String> groups = groups(user);
        User found = system.call(() -> identity.createUserQuery().userId(user.getName()).singleResult());
        return html(groups, found == null ? user.getName() : PersonNames.of(found), current);
    }

    @Override
    public Optional<String> forSignedIn(HttpServletRequest request, String current) {
        return WebappSession.user(request).map(user -> html(user, current));
    }

    @Override
    public String forNobody() {
        return html(List.of(), null, null);
    }

    public String into(String page, UserAuthentication user, String current) {
        return page.replace(PLACEHOLDER, html(user, current));
    }

    public static List<String> groups(UserAuthentication user) {
        return user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds());
    }

    public static String html(Collection<String> groups, String userName, String current) {
        StringBuilder nav = new StringBuilder("<nav class=\"page-nav\" aria-label=\"导航\">");
        link(nav, "/camunda/app/tasklist/", "待办任务（Tasklist）", current);
        link(nav, "/cases", "案件台账", current);
        if (Roles.any(groups, Roles.REPORT_READERS)) {
            link(nav, "/reports/annual", "年度统计", current);
        }
        if (Roles.any(groups, Roles.SUPERVISORS)) {
            link(nav, "/camunda/app/cockpit/", "监督（Cockpit）", current);
        }
        link(nav, "/help", "使用帮助", current);
        if (userName != null) {
            nav.append("<span class=\"page-nav-user\">").append(HtmlUtils.htmlEscape(userName)).append("</span>");
        }
        return nav.append("</nav>").toString();
    }

    private static void link(StringBuilder nav, String href, String label, String current) {
        nav.append("<a href=\"").append(href).append('"');
        if (href.equals(current)) {
            nav.append(" class=\"current\" aria-current=\"page\"");
        }
        nav.append('>').append(label).append("</a>");
    }
}
