package io.gwctl.model.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathNormalizationTest {
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        // Istio's examples (security/normalization docs): /a/../b is /b, \da is /da, /a//b merged only from MERGE_SLASHES.
        "BASE|/a/../b|/b",
        "BASE|\\da|/da",
        "BASE|/a//b|/a//b",
        "MERGE_SLASHES|/a//b|/a/b",
        "DECODE_AND_MERGE_SLASHES|/a%2fb|/a/b",
        "DECODE_AND_MERGE_SLASHES|/a%5Cb|/a/b",
        "BASE|/a%2fb|/a%2fb",
        "NONE|/a/../b|/a/../b",
        "NONE|/%41|/%41",
        // Percent-encoded unreserved characters are decoded; others stay as they came.
        "BASE|/%41%62%2D%2e%5f%7E%30|/Ab-._~0",
        "BASE|/a%20b%3F|/a%20b%3F",
        "BASE|/a%2|/a%2",
        "BASE|/a%zz|/a%zz",
        // Dot segments (RFC 3986 5.2.4), also when encoded, never above the root, trailing slash kept.
        "BASE|/a/./b|/a/b",
        "BASE|/a/%2E%2e/b|/b",
        "BASE|/../../x|/x",
        "BASE|/a/b/..|/a/",
        "BASE|/a/.|/a/",
        "BASE|/..|/",
        "BASE|/|/",
        "BASE|/a/b/|/a/b/",
        "BASE|/a//b/../c|/a//c",
        "MERGE_SLASHES|/a//b/../c|/a/c",
        "BASE|/a.b/..c/c..|/a.b/..c/c..",
    })
    void normalizesAsTheGatewayDoes(PathNormalization mode, String path, String expected) {
        assertThat(mode.apply(path)).isEqualTo(expected);
    }
}
