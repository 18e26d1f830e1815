package io.gwctl.model.istio;

/**
 * An {@code http[].redirect} block as written: {@code uri}, {@code authority}, {@code scheme} and
 * {@code derivePort} are null when absent, {@code port} and {@code redirectCode} 0.
 */
public record HttpRedirect(String uri, String authority, String scheme, int port, String derivePort,
                           int redirectCode) {
}
