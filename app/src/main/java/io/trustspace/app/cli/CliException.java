package io.trustspace.app.cli;

/** An offline tool cannot do what it was asked; the message is printed as is and the tool exits with 2. */
public final class CliException extends RuntimeException {

    public CliException(String message) {
        super(message);
    }
}
