package io.gwctl.model.load;

/**
 * A document is well-formed YAML but not a resource gwctl can read: a field of the wrong type, a missing kind, bad
 * base64. {@code pointer} is the JSON pointer of the offending field ({@code ""} for the document), used to find
 * its line; the message starts with the field path ({@code spec.servers[0].port.number: ...}).
 */
public final class InvalidResourceException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String pointer;

    public InvalidResourceException(String pointer, String message) {
        super(message);
        this.pointer = pointer;
    }

    /** The JSON pointer of the offending field, relative to the document (or List item). */
    public String pointer() {
        return pointer;
    }
}
