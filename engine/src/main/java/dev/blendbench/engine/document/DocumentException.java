package dev.blendbench.engine.document;

import java.io.IOException;

/** A layered document could not be read or written; the message is one line naming the file. */
public final class DocumentException extends IOException {
    public DocumentException(String message) {
        super(message);
    }

    public DocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
