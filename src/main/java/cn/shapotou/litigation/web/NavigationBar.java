package cn.shapotou.litigation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The navigation bar of the application's own pages, which the error and help pages show too. Which links it offers
 * depends on who is signed in and their roles, which are identity/'s (identity.PageNavigation); web/ sits below
 * identity/ (architecture.md「包结构规则」), so its pages ask for the bar through this interface.
 */
public interface NavigationBar {

    /** Where a page puts the bar. */
    String PLACEHOLDER = "<!--page-navigation-->";

    /** The bar for the request's signed-in webapp user, {@code current} marked as the page shown; empty for nobody. */
    Optional<String> forSignedIn(HttpServletRequest request, String current);

    /** The bar for nobody signed in: the links anyone may follow. */
    String forNobody();
}
