package io.gwctl.validators;

import io.gwctl.model.Snapshot;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.kube.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every rule of one validate run reads: the snapshot, the run's clock and certificate window, and O(1) indexes
 * over it. Built once per run by the {@link Validator}; indexes are built on first use and shared by all rules.
 */
public final class RuleContext {
    private final Snapshot snapshot;
    private final Instant now;
    private final Duration certExpiryWarning;

    private Map<String, Gateway> gatewaysByKey;
    private Map<String, List<Secret>> secretsByName;
    private Map<String, Secret> secretsByKey;

    RuleContext(Snapshot snapshot, Instant now, Duration certExpiryWarning) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.now = Objects.requireNonNull(now, "now");
        this.certExpiryWarning = Objects.requireNonNull(certExpiryWarning, "certExpiryWarning");
    }

    /** A context over {@code snapshot} with the clock and certificate window of {@code options}. */
    public static RuleContext of(Snapshot snapshot, ValidateOptions options) {
        return new RuleContext(snapshot, options.now(), options.certExpiryWarning());
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** The instant certificates are checked against (fixed per run so that output is reproducible in tests). */
    public Instant now() {
        return now;
    }

    /** How close to expiry a certificate must be to be reported as expiring (default 30 days). */
    public Duration certExpiryWarning() {
        return certExpiryWarning;
    }

    /** The Gateway {@code namespace/name}, the first one in input order when the input repeats it. */
    public Optional<Gateway> gateway(String namespace, String name) {
        if (gatewaysByKey == null) {
            Map<String, Gateway> m = new HashMap<>();
            for (Gateway g : snapshot.gateways()) {
                m.putIfAbsent(key(g.metadata().namespace(), g.metadata().name()), g);
            }
            gatewaysByKey = m;
        }
        return Optional.ofNullable(gatewaysByKey.get(key(namespace, name)));
    }

    /** Every Secret called {@code name}, in any namespace, in input order. */
    public List<Secret> secretsNamed(String name) {
        if (secretsByName == null) {
            Map<String, List<Secret>> m = new HashMap<>();
            for (Secret s : snapshot.secrets()) {
                m.computeIfAbsent(s.metadata().name(), k -> new ArrayList<>()).add(s);
            }
            m.replaceAll((k, v) -> List.copyOf(v));
            secretsByName = m;
        }
        return secretsByName.getOrDefault(name, List.of());
    }

    /** The Secret {@code namespace/name}, the first one in input order when the input repeats it. */
    public Optional<Secret> secret(String namespace, String name) {
        if (secretsByKey == null) {
            Map<String, Secret> m = new HashMap<>();
            for (Secret s : snapshot.secrets()) {
                m.putIfAbsent(key(s.metadata().namespace(), s.metadata().name()), s);
            }
            secretsByKey = m;
        }
        return Optional.ofNullable(secretsByKey.get(key(namespace, name)));
    }

    private static String key(String namespace, String name) {
        return (namespace == null ? "" : namespace) + "/" + name;
    }
}
