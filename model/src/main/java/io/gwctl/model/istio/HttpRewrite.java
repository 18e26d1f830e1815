package io.gwctl.model.istio;

/**
 * An {@code http[].rewrite} block as written: {@code uri} and {@code authority} are null when absent;
 * {@code uriRegexMatch}/{@code uriRegexRewrite} are the two fields of {@code uriRegexRewrite}, present when
 * {@code hasUriRegexRewrite}.
 */
public record HttpRewrite(String uri, String authority, boolean hasUriRegexRewrite, String uriRegexMatch,
                          String uriRegexRewrite) {
}
