package io.gwctl.validators;

import io.gwctl.model.Glob;
import io.gwctl.model.finding.Finding;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One suppression from {@code -S/--suppress} or {@code .gwctl.yaml}: findings whose code (gwctl code or any IST/KIA
 * alias) matches {@code code} on a resource matching {@code kind}, {@code namespace} and {@code name} are not
 * reported. Every part is a glob where {@code *} matches anything (lint-catalogue §2.5, §5 F).
 */
public record Suppression(String code, String kind, String namespace, String name) {
    private static final String FORMS = "expected CODE=Kind namespace/name (or CODE=Kind name.namespace, "
            + "CODE=Kind name, CODE=*, CODE); globs with * are allowed, e.g. GW0301=Gateway istio-system/gw*";

    public Suppression {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Parses {@code GW0301=Gateway istio-system/gw*}. Also accepted: istioctl's documented {@code Kind name.namespace}
     * (split at the last dot, since namespaces have no dots), {@code Kind name} (any namespace), {@code CODE=*} and a
     * bare {@code CODE} (every resource).
     *
     * @throws IllegalArgumentException with a message saying which forms are accepted
     */
    public static Suppression parse(String s) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("empty suppression: " + FORMS);
        }
        String text = s.trim();
        int eq = text.indexOf('=');
        String code = (eq < 0 ? text : text.substring(0, eq)).trim();
        if (code.isEmpty() || code.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("invalid suppression \"" + s + "\": " + FORMS);
        }
        if (eq < 0) {
            return new Suppression(code, "*", "*", "*");
        }
        String resource = text.substring(eq + 1).trim();
        if (resource.isEmpty()) {
            throw new IllegalArgumentException("invalid suppression \"" + s + "\": no resource after '='; " + FORMS);
        }
        if (resource.equals("*")) {
            return new Suppression(code, "*", "*", "*");
        }
        String[] parts = resource.split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("invalid suppression \"" + s + "\": " + FORMS);
        }
        String kind = parts[0];
        String ref = parts[1];
        int slash = ref.indexOf('/');
        if (slash >= 0) {
            String ns = ref.substring(0, slash);
            String name = ref.substring(slash + 1);
            if (ns.isEmpty() || name.isEmpty() || name.indexOf('/') >= 0) {
                throw new IllegalArgumentException("invalid suppression \"" + s + "\": " + FORMS);
            }
            return new Suppression(code, kind, ns, name);
        }
        int dot = ref.lastIndexOf('.');
        if (dot > 0 && dot < ref.length() - 1) {
            return new Suppression(code, kind, ref.substring(dot + 1), ref.substring(0, dot));
        }
        return new Suppression(code, kind, "*", ref);
    }

    /** True when this suppression silences {@code f}: its code or an alias, and its resource, match. */
    public boolean matches(Finding f) {
        return predicate().test(f);
    }

    /** The same test as {@link #matches} with the globs compiled once, for matching many findings. */
    public Predicate<Finding> predicate() {
        Glob c = Glob.of(code, true);
        Glob k = Glob.of(kind, true);
        Glob ns = Glob.of(namespace, false);
        Glob n = Glob.of(name, false);
        return f -> matchesCode(c, f) && k.matches(f.resource().kind()) && ns.matches(f.resource().namespace())
                && n.matches(f.resource().name());
    }

    /** True when {@code code} (a glob) matches the finding's code or one of its aliases. */
    static boolean matchesCode(Glob code, Finding f) {
        if (code.matches(f.code())) {
            return true;
        }
        for (String alias : f.aliases()) {
            if (code.matches(alias)) {
                return true;
            }
        }
        return false;
    }

    /** The canonical {@code CODE=Kind namespace/name} form. */
    @Override
    public String toString() {
        return code + "=" + kind + " " + namespace + "/" + name;
    }
}
