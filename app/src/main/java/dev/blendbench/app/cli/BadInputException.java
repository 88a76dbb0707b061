package dev.blendbench.app.cli;

/** The user gave something we cannot use; the message is the one line shown. Exit code 2. */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
