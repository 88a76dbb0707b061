package dev.blendbench.app.report;

/** A session file or a report request that cannot be used; the message is one line for the user. */
public final class ReportException extends Exception {
    public ReportException(String message) {
        super(message);
    }
}
