package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lists in messages: distinct items, at most five, then a count, so copies of a resource do not grow messages. */
class ListingTest {
    @Test
    void repeatsAreListedOnceAndLongListsCounted() {
        assertThat(Listing.join(List.of("a", "b"), ", ")).isEqualTo("a, b");
        assertThat(Listing.join(Collections.nCopies(300, "Service s exposes 80"), " and "))
                .isEqualTo("Service s exposes 80");
        assertThat(Listing.join(List.of("a", "b", "a", "c", "d", "e", "f", "g"), ", "))
                .isEqualTo("a, b, c, d, e and 2 more");
        assertThat(Listing.join(List.of(), ", ")).isEmpty();
    }
}
