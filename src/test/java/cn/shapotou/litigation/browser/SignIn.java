package cn.shapotou.litigation.browser;

import java.io.IOException;

/**
 * The preamble of the browser tests in one place: a browser signed in to Tasklist as a demo user (every demo user's
 * password is {@code demo}, README「运行」), and, where the test works on one task, with that task's form open and
 * claimed. The caller closes the browser (try-with-resources), also when the sign-in itself failed.
 */
final class SignIn {

    private SignIn() {}

    /** Signed in to Tasklist as the demo user. */
    static Browser toTasklist(int port, String user) throws IOException {
        Browser browser = new Browser("http://localhost:" + port);
        try {
            browser.loginToTasklist(user, "demo");
            return browser;
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    /** Signed in as the demo user, with the task's form (its heading showing) open and claimed. */
    static Browser atTask(int port, String user, String taskId, String heading) throws IOException {
        Browser browser = toTasklist(port, user);
        try {
            browser.openAndClaim(taskId, heading);
            return browser;
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }
}
