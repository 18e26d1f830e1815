package io.gwctl.cli.validate;

import io.gwctl.model.finding.Severity;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code Info|Warning|Error} case-insensitively, as istioctl analyze's thresholds (lint-catalogue §2.5). */
final class SeverityConverter implements ITypeConverter<Severity> {
    @Override
    public Severity convert(String value) {
        Severity s = Severity.parse(value);
        if (s == null) {
            throw new TypeConversionException("'" + value + "' is not one of Info, Warning, Error");
        }
        return s;
    }

    /** Info, Warning, Error: for help and completion. */
    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(Severity.values()).stream().map(Severity::label).iterator();
        }
    }
}
