package io.gwctl.cli;

import io.gwctl.cli.source.SnapshotSource;
import io.gwctl.cli.source.SourceResult;
import io.gwctl.model.Snapshot;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.model.translate.GatewayTranslator;
import io.gwctl.model.translate.GatewayView;
import io.gwctl.model.translate.GatewayWorkloads;
import io.gwctl.model.translate.WorkloadException;
import io.gwctl.validators.ValidateOptions;
import io.gwctl.validators.ValidationResult;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The inputs a {@code gwctl shell} session read once and keeps in memory, with the gateway views translated from
 * them so far: a command in the session that names no -f and no cluster flag works on these instead of reading
 * again ({@link Inputs#source}), and translates each gateway workload once ({@link Inputs#translate}).
 */
public final class LoadedInputs {
    private final Supplier<SourceResult> loader;
    private volatile State state;

    /** What one load gave, the views translated from its snapshot, and its validations by options. */
    private record State(SourceResult result, Map<GatewayProxy, GatewayView> views,
                         Map<ValidateOptions, ValidationResult> validations) {
        State(SourceResult result) {
            this(result, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    /** Loads now with {@code loader}, and again on each {@link #reload()}. */
    public LoadedInputs(Supplier<SourceResult> loader) {
        this.loader = loader;
        this.state = new State(loader.get());
    }

    /** The inputs as last loaded. */
    public SourceResult result() {
        return state.result();
    }

    /** This session's inputs as a source: loading it returns what is in memory. */
    SnapshotSource source() {
        return this::result;
    }

    /**
     * Reads the inputs again; when that fails (the exception propagates) the inputs loaded before stay in use.
     */
    public void reload() {
        state = new State(loader.get());
    }

    /**
     * The gateway views translated so far from the inputs in memory; when none yet, the one of the gateway workload
     * that proxy-config picks without an argument (none when the input has no such choice).
     */
    public List<GatewayView> views() {
        State s = state;
        if (s.views().isEmpty()) {
            Snapshot snapshot = s.result().snapshot();
            try {
                view(snapshot, GatewayWorkloads.resolve(snapshot, null, null, GatewayWorkloads.DEFAULT_NAMESPACE));
            } catch (WorkloadException e) {
                return List.of();
            }
        }
        return List.copyOf(s.views().values());
    }

    /**
     * The view of {@code proxy} on {@code snapshot}: kept from an earlier command when the snapshot is the one in
     * memory (the translation is pure, spec §2), translated afresh for any other snapshot.
     */
    GatewayView view(Snapshot snapshot, GatewayProxy proxy) {
        State s = state;
        if (s.result().snapshot() != snapshot) {
            return GatewayTranslator.translate(snapshot, proxy);
        }
        return s.views().computeIfAbsent(proxy, p -> GatewayTranslator.translate(snapshot, p));
    }

    /**
     * The rules' findings on {@code snapshot} with {@code options}: kept from an earlier command of the session with
     * the same options when the snapshot is the one in memory (the rules are pure), computed by {@code validate}
     * otherwise. The clock of the options counts to the minute, so a result is reused within the minute it was
     * computed in (certificate expiry is judged against that time).
     */
    public ValidationResult validation(Snapshot snapshot, ValidateOptions options,
                                       Function<ValidateOptions, ValidationResult> validate) {
        State s = state;
        if (s.result().snapshot() != snapshot) {
            return validate.apply(options);
        }
        ValidateOptions key = options.now() == null ? options
                : options.withNow(options.now().truncatedTo(ChronoUnit.MINUTES));
        return s.validations().computeIfAbsent(key, k -> validate.apply(options));
    }
}
