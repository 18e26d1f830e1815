package io.gwctl.validators;

import io.gwctl.model.NamespacedName;
import io.gwctl.model.Snapshot;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.kube.Secret;
import io.gwctl.model.kube.Workload;
import io.gwctl.model.secret.SecretProducer;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.model.translate.GatewayTranslator;
import io.gwctl.model.translate.GatewayView;
import io.gwctl.model.translate.GatewayWorkloads;
import io.gwctl.model.translate.MergedGateway;
import io.gwctl.model.translate.WorkloadException;
import io.gwctl.validators.rules.MeshRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * What every rule of one validate run reads: the snapshot, the run's clock and certificate window, and O(1) indexes
 * over it. Built once per run by the {@link Validator}; indexes are built on first use and shared by all rules.
 * Thread-safe: the validator runs rules on several threads, and each index or translation is built once however many
 * rules ask for it at the same time.
 */
public final class RuleContext {
    private final Snapshot snapshot;
    private final Instant now;
    private final Duration certExpiryWarning;

    private List<GatewayProxy> gatewayWorkloads;
    private Map<String, List<GatewayProxy>> gatewaysByNamespace;
    private boolean defaultIngressAssumed;
    private Map<String, List<GatewayProxy>> proxiesByLabel;
    private final Map<Map<String, String>, List<GatewayProxy>> proxiesBySelector = new HashMap<>();
    private final OncePerKey<GatewayProxy, GatewayView> views = new OncePerKey<>();
    private final OncePerKey<GatewayProxy, MergedGateway> merges = new OncePerKey<>();
    private final OncePerKey<Object, Object> shared = new OncePerKey<>();
    private Map<NamespacedName, Gateway> gatewaysByKey;
    private Map<String, List<Secret>> secretsByName;
    private Map<NamespacedName, Secret> secretsByKey;
    private Map<String, List<SecretProducer>> producersByName;
    private MeshRegistry registry;

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

    /**
     * The gateway workloads of the input as the translator sees them (spec §4, §5.1), in input order; Istio's
     * default ingress gateway alone when the input has none ({@link #defaultIngressAssumed()}).
     */
    public synchronized List<GatewayProxy> gatewayWorkloads() {
        if (gatewayWorkloads == null) {
            List<GatewayProxy> out = new ArrayList<>();
            for (Workload w : GatewayWorkloads.find(snapshot)) {
                out.add(GatewayWorkloads.proxyFor(snapshot, w));
            }
            if (out.isEmpty()) {
                out.add(defaultIngress());
                defaultIngressAssumed = true;
            }
            gatewayWorkloads = List.copyOf(out);
        }
        return gatewayWorkloads;
    }

    /** The default ingress with the input's Services that select it, else the chart's Service (spec §4). */
    private GatewayProxy defaultIngress() {
        try {
            GatewayProxy p = GatewayWorkloads.resolve(snapshot, null, null);
            if (p.assumedDefault()) {
                return p;
            }
        } catch (WorkloadException e) {
            // Unreachable without gateway workloads; the chart default below is the same assumption.
        }
        return GatewayWorkloads.defaultIngress();
    }

    /**
     * The gateway workloads of one namespace, in {@link #gatewayWorkloads()} order: a check of every Service against
     * the gateways (does it select one?) then costs the gateways of its namespace, not all of them (105,000 Services
     * and 5,000 gateways at N=100,000).
     */
    public synchronized List<GatewayProxy> gatewayWorkloadsIn(String namespace) {
        if (gatewaysByNamespace == null) {
            Map<String, List<GatewayProxy>> byNamespace = new HashMap<>();
            for (GatewayProxy p : gatewayWorkloads()) {
                byNamespace.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(p);
            }
            gatewaysByNamespace = byNamespace;
        }
        return gatewaysByNamespace.getOrDefault(namespace, List.of());
    }

    /** True when the input names no gateway workload and Istio's default ingress gateway stands in for it. */
    public synchronized boolean defaultIngressAssumed() {
        gatewayWorkloads();
        return defaultIngressAssumed;
    }

    /** What {@code p} serves: the merged Gateways, listeners and routes; translated once per run, on first use. */
    public GatewayView view(GatewayProxy p) {
        return views.get(p, proxy -> GatewayTranslator.translate(snapshot, proxy));
    }

    /**
     * How istiod merges the Gateways that select {@code p} (spec §5), with the servers it drops: {@code view(p)
     * .merged()} without building listeners and routes when no view is needed. Computed once per run.
     */
    public MergedGateway merged(GatewayProxy p) {
        GatewayView v = views.done(p);
        if (v != null) {
            return v.merged();
        }
        return merges.get(p, proxy -> GatewayTranslator.merge(snapshot, proxy));
    }

    /**
     * The gateway workloads {@code g} applies to (spec §5.1): all of them for an absent selector, else those whose
     * labels include every selector label. Cached per selector and looked up through a label index, so a run over
     * many Gateways sharing few selectors stays linear.
     */
    public synchronized List<GatewayProxy> workloadsFor(Gateway g) {
        List<GatewayProxy> all = gatewayWorkloads();
        Map<String, String> selector = g.selector();
        if (selector == null || selector.isEmpty()) {
            return all;
        }
        return proxiesBySelector.computeIfAbsent(selector, sel -> {
            if (proxiesByLabel == null) {
                Map<String, List<GatewayProxy>> idx = new HashMap<>();
                for (GatewayProxy p : all) {
                    for (Map.Entry<String, String> e : p.labels().entrySet()) {
                        idx.computeIfAbsent(e.getKey() + "=" + e.getValue(), k -> new ArrayList<>()).add(p);
                    }
                }
                proxiesByLabel = idx;
            }
            List<GatewayProxy> candidates = null;
            for (Map.Entry<String, String> e : sel.entrySet()) {
                List<GatewayProxy> c = proxiesByLabel.getOrDefault(e.getKey() + "=" + e.getValue(), List.of());
                if (candidates == null || c.size() < candidates.size()) {
                    candidates = c;
                }
            }
            List<GatewayProxy> out = new ArrayList<>();
            for (GatewayProxy p : candidates) {
                if (isSubset(sel, p.labels())) {
                    out.add(p);
                }
            }
            return List.copyOf(out);
        });
    }

    private static boolean isSubset(Map<String, String> selector, Map<String, String> labels) {
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The Gateway {@code namespace/name}, the first one in input order when the input repeats it. */
    public synchronized Optional<Gateway> gateway(String namespace, String name) {
        if (gatewaysByKey == null) {
            Map<NamespacedName, Gateway> m = new HashMap<>();
            for (Gateway g : snapshot.gateways()) {
                m.putIfAbsent(NamespacedName.of(g.metadata()), g);
            }
            gatewaysByKey = m;
        }
        return Optional.ofNullable(gatewaysByKey.get(NamespacedName.of(namespace, name)));
    }

    /** Every Secret called {@code name}, in any namespace, in input order. */
    public synchronized List<Secret> secretsNamed(String name) {
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
    public synchronized Optional<Secret> secret(String namespace, String name) {
        if (secretsByKey == null) {
            Map<NamespacedName, Secret> m = new HashMap<>();
            for (Secret s : snapshot.secrets()) {
                m.putIfAbsent(NamespacedName.of(s.metadata()), s);
            }
            secretsByKey = m;
        }
        return Optional.ofNullable(secretsByKey.get(NamespacedName.of(namespace, name)));
    }

    /**
     * Every Certificate, ExternalSecret and SealedSecret that produces a Secret called {@code name}, in any
     * namespace, in input order.
     */
    public synchronized List<SecretProducer> producersOf(String name) {
        if (producersByName == null) {
            Map<String, List<SecretProducer>> m = new HashMap<>();
            for (SecretProducer p : snapshot.secretProducers()) {
                m.computeIfAbsent(p.secretName(), k -> new ArrayList<>()).add(p);
            }
            m.replaceAll((k, v) -> List.copyOf(v));
            producersByName = m;
        }
        return producersByName.getOrDefault(name, List.of());
    }

    /** The first producer (input order) of the Secret {@code namespace/name}. */
    public Optional<SecretProducer> producer(String namespace, String name) {
        for (SecretProducer p : producersOf(name)) {
            if (Objects.equals(p.metadata().namespace(), namespace)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * A value several rules read, computed once per run by the first that asks (the others asking meanwhile wait for
     * it). {@code key} is a constant of the class that computes it, compared by identity; nobody may change the value.
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(Object key, Function<RuleContext, T> make) {
        return (T) shared.get(key, k -> make.apply(this));
    }

    /**
     * True when a value of about {@code bytes} may be kept for the whole run instead of being made again by each rule
     * that reads it: at most an eighth of a heap of {@code maxMemory} bytes. N=100,000 of the benchmark needs all of
     * a 512 MB heap for what it must hold (the credential uses kept there made it run out), N=10,000 has room.
     * {@code -Dgwctl.keep-shared=true|false} decides instead (tests).
     */
    public static boolean keepsForTheRun(long bytes, long maxMemory) {
        String forced = System.getProperty("gwctl.keep-shared");
        if (forced != null && !forced.isEmpty()) {
            return Boolean.parseBoolean(forced);
        }
        return bytes <= maxMemory / 8;
    }

    /** The service registry, DestinationRules and workloads of the input indexed by host and label; built once. */
    public synchronized MeshRegistry registry() {
        if (registry == null) {
            registry = MeshRegistry.of(snapshot);
        }
        return registry;
    }

    /**
     * A value per key (by identity), computed once: the first thread to ask computes it outside any lock, the
     * others asking for the same key meanwhile wait for that result, and other keys are computed in parallel.
     */
    private static final class OncePerKey<K, V> {
        private final Map<K, FutureTask<V>> tasks = new IdentityHashMap<>();

        V get(K key, Function<K, V> compute) {
            FutureTask<V> task;
            boolean mine = false;
            synchronized (tasks) {
                task = tasks.get(key);
                if (task == null) {
                    task = new FutureTask<>(() -> compute.apply(key));
                    tasks.put(key, task);
                    mine = true;
                }
            }
            if (mine) {
                task.run();
            }
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for another rule's result", e);
            } catch (ExecutionException e) {
                // The same failure in every rule that asks: each becomes its own GW0000, as when run alone.
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /** The value of {@code key} when it has been computed, else null (never waits). */
        V done(K key) {
            FutureTask<V> task;
            synchronized (tasks) {
                task = tasks.get(key);
            }
            if (task == null || !task.isDone()) {
                return null;
            }
            try {
                return task.get();
            } catch (InterruptedException | ExecutionException e) {
                return null;
            }
        }
    }
}
