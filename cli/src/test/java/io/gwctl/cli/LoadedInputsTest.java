package io.gwctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.cli.source.SourceResult;
import io.gwctl.model.Snapshot;
import io.gwctl.validators.ValidateOptions;
import io.gwctl.validators.ValidationResult;
import io.gwctl.validators.Validator;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadedInputsTest {
    private static LoadedInputs loaded() {
        return new LoadedInputs(() -> new SourceResult(Snapshot.empty(), List.of(), 0, 0, List.of(), List.of(),
                List.of(), null));
    }

    @Test
    void theRulesRunOncePerOptionsAndMinuteOnTheInputsInMemory() {
        LoadedInputs l = loaded();
        Snapshot s = l.result().snapshot();
        AtomicInteger runs = new AtomicInteger();
        ValidateOptions at = ValidateOptions.defaults().withNow(Instant.parse("2026-12-02T09:30:10Z"));
        java.util.function.Function<ValidateOptions, ValidationResult> run = o -> {
            runs.incrementAndGet();
            return Validator.run(s, o);
        };
        ValidationResult first = l.validation(s, at, run);
        assertThat(l.validation(s, at.withNow(Instant.parse("2026-12-02T09:30:50Z")), run)).isSameAs(first);
        assertThat(runs).hasValue(1);
        l.validation(s, at.withNow(Instant.parse("2026-12-02T09:31:00Z")), run);
        l.validation(s, at.withRequireSecrets(true), run);
        assertThat(runs).as("another minute, other options").hasValue(3);
        l.validation(Snapshot.empty(), at, run);
        assertThat(runs).as("a snapshot other than the one in memory is not cached").hasValue(4);
        l.reload();
        l.validation(l.result().snapshot(), at, run);
        assertThat(runs).as("reload forgets the results").hasValue(5);
    }
}
