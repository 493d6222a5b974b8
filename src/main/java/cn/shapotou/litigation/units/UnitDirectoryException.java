package cn.shapotou.litigation.units;

/** A unit directory that cannot be used; start-up stops with this message. */
public class UnitDirectoryException extends RuntimeException {
    public UnitDirectoryException(String message) {
        super(message);
    }

    public UnitDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
