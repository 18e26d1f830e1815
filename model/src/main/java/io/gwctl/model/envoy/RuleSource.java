package io.gwctl.model.envoy;

/**
 * The Istio configuration behind an Envoy object, when the translator knows it: the resource
 * ({@code VirtualService default/test-gw}, {@code Gateway istio-system/gw}), the part of it
 * ({@code http[0].match[1]}, {@code servers[2]}) and where that part is written ({@code file} "" and {@code line} 0
 * when unknown, e.g. a resource read from a cluster).
 */
public record RuleSource(String resource, String part, String file, int line) {
    public RuleSource {
        file = file == null ? "" : file;
    }

    /** {@code VirtualService default/test-gw http[0] (vs.yaml:12)}, without what is unknown. */
    public String describe() {
        String s = part == null || part.isEmpty() ? resource : resource + " " + part;
        if (file.isEmpty()) {
            return s;
        }
        return s + " (" + (line > 0 ? file + ":" + line : file) + ")";
    }
}
