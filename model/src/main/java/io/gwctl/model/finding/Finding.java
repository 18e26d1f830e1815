package io.gwctl.model.finding;

import io.gwctl.model.ResourceRef;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One lint finding: a stable gwctl code (GW0301), its severity, the istioctl analyze / Kiali codes it corresponds
 * to ({@code aliases}), the resource it is reported on, where in the input, a message naming the concrete values,
 * and a hint saying how to fix it.
 */
public record Finding(String code, Severity severity, List<String> aliases, ResourceRef resource, Location location,
                      String message, String hint) implements Comparable<Finding> {
    /**
     * The order reports list findings in: istioctl's ({@link #compareTo}), then every other component, so that two
     * findings compare equal only when they are equal and a sorted list is the same whatever order it was built in.
     */
    public static final Comparator<Finding> ORDER = Comparator.<Finding>naturalOrder()
            .thenComparing(f -> f.location().file())
            .thenComparingInt(f -> f.location().line())
            .thenComparingInt(f -> f.location().column())
            .thenComparing(f -> f.location().field())
            .thenComparing(Finding::hint)
            .thenComparing(f -> String.join(",", f.aliases()))
            .thenComparingInt(f -> f.aliases().size())
            .thenComparing(f -> f.resource().namespace() == null);

    public Finding {
        aliases = List.copyOf(aliases);
        hint = hint == null ? "" : hint;
    }

    /**
     * istioctl's order: severity (Error first), code, resource, then message; file and line break remaining ties so
     * output is deterministic.
     */
    @Override
    public int compareTo(Finding o) {
        int c = o.severity.compareTo(severity);
        if (c != 0) {
            return c;
        }
        c = code.compareTo(o.code);
        if (c != 0) {
            return c;
        }
        c = resource.compareTo(o.resource);
        if (c != 0) {
            return c;
        }
        c = location.file().compareTo(o.location.file());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(location.line(), o.location.line());
        return c != 0 ? c : message.compareTo(o.message);
    }

    // equals and hashCode are written out (with the values a record's generated ones give) because the generated ones
    // go through method handles, which the C1-only JIT of small and medium runs calls slowly: hot as a map key.
    @Override
    public boolean equals(Object o) {
        return o instanceof Finding f && code.equals(f.code) && severity == f.severity && aliases.equals(f.aliases)
                && Objects.equals(resource, f.resource) && Objects.equals(location, f.location)
                && Objects.equals(message, f.message) && hint.equals(f.hint);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(code);
        h = 31 * h + Objects.hashCode(severity);
        h = 31 * h + aliases.hashCode();
        h = 31 * h + Objects.hashCode(resource);
        h = 31 * h + Objects.hashCode(location);
        h = 31 * h + Objects.hashCode(message);
        return 31 * h + hint.hashCode();
    }
}
