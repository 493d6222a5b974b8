package cn.shapotou.litigation.deadlines;

/** A holiday calendar file that cannot be trusted; start-up stops with this message. */
public class CalendarException extends RuntimeException {
    public CalendarException(String message) {
        super(message);
    }

    public CalendarException(String message, Throwable cause) {
        super(message, cause);
    }
}
