package io.gwctl.model;

/** A loaded resource: what it is, its metadata, where it came from and the line of each of its fields. */
public interface Resource {
    Kind kind();

    ObjectMeta metadata();

    Origin origin();

    SourceMap source();

    /** The line of the field at a JSON pointer such as {@code /spec/servers/0/port/number}. */
    default int line(String pointer) {
        return source().line(pointer);
    }

    default ResourceRef ref() {
        return new ResourceRef(kind().kindName(), metadata().namespace(), metadata().name());
    }
}
