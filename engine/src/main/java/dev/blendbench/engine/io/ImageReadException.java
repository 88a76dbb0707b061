package dev.blendbench.engine.io;

import java.io.IOException;

/** An image could not be read; the message is one line and names the file. */
public final class ImageReadException extends IOException {
    public ImageReadException(String message) {
        super(message);
    }

    public ImageReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
