package io.gwctl.cli.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.kube.KubeApi;
import io.gwctl.cli.kube.KubeApiException;
import io.gwctl.model.Coverage;
import io.gwctl.model.Kind;
import io.gwctl.model.Origin;
import io.gwctl.model.Resource;
import io.gwctl.model.Snapshot;
import io.gwctl.model.SourceMap;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Server;
import io.gwctl.model.istio.TlsMode;
import io.gwctl.model.kube.Secret;
import io.gwctl.model.kube.Workload;
import io.gwctl.model.load.InvalidResourceException;
import io.gwctl.model.load.ResourceMapper;
import io.gwctl.model.translate.GatewayWorkloads;
import io.gwctl.validators.tls.CredentialRef;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Resources read from a live cluster, in two rounds of parallel requests. First every namespace's Gateways,
 * VirtualServices and DestinationRules ({@code networking.istio.io} v1, else v1beta1, else v1alpha3), Services,
 * Pods, Deployments and the Namespaces, each list paginated; a gateway workload in istio-system serves Gateways of
 * all namespaces, so nothing less would do. Then only the Secrets that Gateway servers name as credentials, by
 * name, in the namespaces of the gateway workloads that read them (and the Gateway's own, to say where a misplaced
 * Secret is): never a list of all Secrets, and of each only the TLS keys' values.
 *
 * <p>A list forbidden in all namespaces falls back to the user's namespace with one warning; a kind or a Secret
 * the user may not read leaves a {@link Coverage.Gap}, so checks that needed it are reported as skipped for that
 * reason instead of failing or passing falsely. Objects are mapped by the same {@link ResourceMapper} as files.
 * With an overlay (files given with {@code --with-cluster}), the files' objects replace the cluster's of the same
 * kind, namespace and name before the Secrets are looked up.
 */
public final class ClusterSnapshotSource implements SnapshotSource {
    private static final String ISTIO_GROUP = "networking.istio.io";
    private static final List<String> ISTIO_VERSIONS = List.of("v1", "v1beta1", "v1alpha3");
    /**
     * No file: findings on live resources print as istioctl's do, {@code (Kind ns/name)} without a location
     * (lint-catalogue §2.5; Origin's contract: the file is empty for cluster resources).
     */
    private static final Origin ORIGIN = Origin.none("");

    private final ClusterTarget target;
    private final KubeClientFactory clients;
    private final Snapshot overlay;

    public ClusterSnapshotSource(ClusterTarget target, KubeClientFactory clients) {
        this(target, clients, null);
    }

    /** A source whose cluster objects are overlaid by {@code overlay}'s (null: none). */
    public ClusterSnapshotSource(ClusterTarget target, KubeClientFactory clients, Snapshot overlay) {
        this.target = target;
        this.clients = clients;
        this.overlay = overlay;
    }

    @Override
    public SourceResult load() throws SourceException {
        try (KubeApi api = clients.api(target)) {
            return new Read(api).run();
        }
    }

    /** One read of the cluster: its state while the requests are under way. */
    private final class Read {
        private final KubeApi api;
        private final String home;
        private final List<String> warnings = new ArrayList<>();
        private final List<String> details = new ArrayList<>();
        private final Set<String> homeOnly = new LinkedHashSet<>();
        private final Set<Kind> complete = EnumSet.noneOf(Kind.class);
        private final List<Coverage.Gap> gaps = new ArrayList<>();
        /** The warning that Pods cannot be listed, or null. */
        private String podsForbidden;

        Read(KubeApi api) {
            this.api = api;
            String ns = target.namespace() != null ? target.namespace() : api.namespace();
            this.home = ns == null || ns.isEmpty() ? "default" : ns;
        }

        SourceResult run() throws SourceException {
            Map<Kind, CompletableFuture<List<JsonNode>>> lists = new LinkedHashMap<>();
            lists.put(Kind.GATEWAY, istio("Gateway"));
            lists.put(Kind.VIRTUAL_SERVICE, istio("VirtualService"));
            lists.put(Kind.DESTINATION_RULE, istio("DestinationRule"));
            lists.put(Kind.SERVICE, namespaced("/api/v1", "services", ""));
            lists.put(Kind.POD, namespaced("/api/v1", "pods", ""));
            lists.put(Kind.DEPLOYMENT, namespaced("/apis/apps/v1", "deployments", "apps"));
            lists.put(Kind.NAMESPACE, namespaces());

            Map<Kind, List<Resource>> read = new LinkedHashMap<>();
            for (Map.Entry<Kind, CompletableFuture<List<JsonNode>>> e : lists.entrySet()) {
                Kind kind = e.getKey();
                List<JsonNode> items = await(e.getValue(), kind);
                if (items != null) {
                    read.put(kind, map(items, kind));
                }
            }
            Snapshot.Builder snapshot = Snapshot.builder();
            Snapshot merged = layered(read);
            secrets(merged, snapshot);
            for (Resource r : merged.all()) {
                snapshot.add(r);
            }
            if (!homeOnly.isEmpty()) {
                List<String> order = new ArrayList<>();
                for (Kind k : lists.keySet()) {
                    if (homeOnly.contains(plural(k))) {
                        order.add(plural(k));
                    }
                }
                warnings.add(0, "cannot list " + String.join(", ", order) + " in all namespaces (forbidden):"
                        + " read namespace " + home + " only");
            }
            snapshot.coverage(new Coverage(complete, gaps));
            String where = homeOnly.isEmpty() ? "all namespaces" : "namespace " + home;
            List<String> inputs = new ArrayList<>();
            inputs.add("cluster " + api.server() + " (" + where + ")");
            return new SourceResult(snapshot.build(), List.of(), 0, ExitCodes.OK, warnings, details, inputs, home);
        }

        /** The cluster's objects with the overlay's replacing those of the same kind, namespace and name. */
        private Snapshot layered(Map<Kind, List<Resource>> read) {
            Map<String, Resource> byKey = new LinkedHashMap<>();
            for (List<Resource> rs : read.values()) {
                for (Resource r : rs) {
                    byKey.put(key(r), r);
                }
            }
            int replaced = 0;
            int added = 0;
            if (overlay != null) {
                // as the API server stamps them: to the second, at the time of applying
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                for (Resource r : overlay.all()) {
                    if (byKey.put(key(r), Applied.of(r, byKey.get(key(r)), now)) == null) {
                        added++;
                    } else {
                        replaced++;
                    }
                }
                details.add("applied the files over the cluster: " + replaced + " object(s) replaced, " + added
                        + " added");
            }
            Snapshot.Builder b = Snapshot.builder();
            byKey.values().forEach(b::add);
            return b.build();
        }

        /** Lists an Istio kind at the first version the cluster serves of v1, v1beta1, v1alpha3. */
        private CompletableFuture<List<JsonNode>> istio(String kind) {
            String plural = kind.toLowerCase(java.util.Locale.ROOT) + "s";
            CompletableFuture<List<JsonNode>> f = namespaced("/apis/" + ISTIO_GROUP + "/" + ISTIO_VERSIONS.get(0),
                    plural, ISTIO_GROUP);
            for (String version : ISTIO_VERSIONS.subList(1, ISTIO_VERSIONS.size())) {
                f = f.exceptionallyCompose(t -> notFound(t)
                        ? namespaced("/apis/" + ISTIO_GROUP + "/" + version, plural, ISTIO_GROUP)
                        : CompletableFuture.failedFuture(t));
            }
            return f.exceptionallyCompose(t -> notFound(t)
                    ? CompletableFuture.failedFuture(new IstioMissing())
                    : CompletableFuture.failedFuture(t));
        }

        /**
         * Lists {@code plural} in all namespaces; when that is forbidden, in the home namespace (a user bound to one
         * namespace), remembered for one warning.
         */
        private CompletableFuture<List<JsonNode>> namespaced(String prefix, String plural, String group) {
            String what = "list " + plural + (group.isEmpty() ? "" : "." + group);
            return api.list(prefix + "/" + plural, what).exceptionallyCompose(t -> {
                if (!forbidden(t)) {
                    return CompletableFuture.failedFuture(t);
                }
                synchronized (homeOnly) {
                    homeOnly.add(plural);
                }
                return api.list(prefix + "/namespaces/" + home + "/" + plural, what);
            });
        }

        private CompletableFuture<List<JsonNode>> namespaces() {
            return api.list("/api/v1/namespaces", "list namespaces").exceptionallyCompose(t -> {
                if (!forbidden(t)) {
                    return CompletableFuture.failedFuture(t);
                }
                return api.get("/api/v1/namespaces/" + home, "get namespaces").thenApply(List::of)
                        .exceptionally(u -> {
                            if (notFound(u)) {
                                return List.of(); // the namespace asked about does not exist: nothing to read
                            }
                            throw u instanceof RuntimeException r ? r : new IllegalStateException(u);
                        });
            });
        }

        /**
         * The items, or null when the kind could not be read at all for want of permission (recorded as a gap and
         * a warning); any other failure ends the read.
         */
        private List<JsonNode> await(CompletableFuture<List<JsonNode>> f, Kind kind) throws SourceException {
            try {
                List<JsonNode> items = api.await(f);
                complete.add(kind);
                return items;
            } catch (KubeApiException e) {
                if (e.getCause() instanceof IstioMissing) {
                    throw new SourceException(ExitCodes.UNAVAILABLE, "the cluster at " + api.server() + " serves no"
                            + " Istio " + kind.kindName() + "s (" + ISTIO_GROUP + " v1, v1beta1 or v1alpha3): Istio's"
                            + " CRDs are not installed there; pick another --context, or read manifests with -f PATH",
                            e);
                }
                if (e.forbidden() && !isIstio(kind)) {
                    String reason = "cannot list " + plural(kind) + (kind == Kind.NAMESPACE ? ""
                            : " in namespace " + home) + ": forbidden";
                    gaps.add(new Coverage.Gap(kind, null, reason));
                    homeOnly.remove(plural(kind));
                    if (kind == Kind.DEPLOYMENT && warnings.remove(podsForbidden)) {
                        // "from Deployments only" then "from Pods only" would contradict each other: one line
                        warnings.add("cannot list pods, deployments in namespace " + home + ": forbidden (no gateway"
                                + " workload can be read)");
                        return null;
                    }
                    warnings.add(reason + " (" + degrades(kind) + ")");
                    if (kind == Kind.POD) {
                        podsForbidden = warnings.get(warnings.size() - 1);
                    }
                    return null;
                }
                throw failure(e);
            }
        }

        /** The Secrets that credentialNames reference, fetched by name where the gateway workloads read them. */
        private void secrets(Snapshot s, Snapshot.Builder into) throws SourceException {
            Set<String> workloadNamespaces = new TreeSet<>();
            for (Workload w : GatewayWorkloads.find(s)) {
                workloadNamespaces.add(w.metadata().namespace());
            }
            if (workloadNamespaces.isEmpty()) {
                workloadNamespaces.add(GatewayWorkloads.DEFAULT_NAMESPACE);
            }
            // namespace/name -> whether a check needs it (false: only to say where a misplaced Secret is)
            Map<String, Boolean> wanted = new LinkedHashMap<>();
            for (Gateway g : s.gateways()) {
                for (Server server : g.servers()) {
                    if (server.tls() == null) {
                        continue;
                    }
                    boolean mutual = server.tls().mode() == TlsMode.MUTUAL
                            || server.tls().mode() == TlsMode.OPTIONAL_MUTUAL;
                    for (String raw : server.tls().allCredentialNames()) {
                        CredentialRef ref = CredentialRef.parse(raw);
                        if (ref.builtin() || ref.error() != null) {
                            continue;
                        }
                        for (String ns : workloadNamespaces) {
                            want(wanted, ref.namespaceFor(ns), ref.name(), mutual, true);
                        }
                        want(wanted, g.metadata().namespace(), ref.name(), false, false);
                    }
                }
            }
            if (overlay != null) {
                for (Secret secret : overlay.secrets()) {
                    wanted.remove(secret.metadata().namespace() + "/" + secret.metadata().name());
                }
            }
            Map<String, CompletableFuture<JsonNode>> gets = new LinkedHashMap<>();
            for (String key : wanted.keySet()) {
                int slash = key.indexOf('/');
                String ns = key.substring(0, slash);
                String name = key.substring(slash + 1);
                gets.put(key, api.get("/api/v1/namespaces/" + ns + "/secrets/" + name, "get secrets")
                        .thenApply(ClusterSnapshotSource::withoutSecretValues));
            }
            int found = 0;
            Set<String> forbiddenIn = new TreeSet<>();
            for (Map.Entry<String, CompletableFuture<JsonNode>> e : gets.entrySet()) {
                String ns = e.getKey().substring(0, e.getKey().indexOf('/'));
                try {
                    JsonNode secret = api.await(e.getValue());
                    for (Resource r : map(List.of(secret), Kind.SECRET)) {
                        into.add(r);
                        found++;
                    }
                } catch (KubeApiException ex) {
                    if (ex.notFound()) {
                        continue; // absent: the checks report it
                    }
                    if (!ex.forbidden()) {
                        throw failure(ex);
                    }
                    if (wanted.get(e.getKey()) && forbiddenIn.add(ns)) {
                        gaps.add(new Coverage.Gap(Kind.SECRET, ns, "cannot get secrets in namespace " + ns
                                + ": forbidden"));
                    } else if (!wanted.get(e.getKey())) {
                        details.add("cannot get secrets in namespace " + ns + " (forbidden): a credential Secret"
                                + " placed there is not mentioned");
                    }
                }
            }
            complete.add(Kind.SECRET);
            for (String ns : forbiddenIn) {
                warnings.add("cannot get secrets in namespace " + ns + ": forbidden (credential checks for the"
                        + " gateway workloads there are skipped; docs/rbac.yaml lists what gwctl needs)");
            }
            details.add("read " + found + " Secret(s) of " + gets.size() + " looked up by name");
        }

        private void want(Map<String, Boolean> wanted, String ns, String name, boolean mutual, boolean needed) {
            wanted.merge(ns + "/" + name, needed, Boolean::logicalOr);
            if (mutual) {
                wanted.merge(ns + "/" + name + "-cacert", needed, Boolean::logicalOr);
            }
        }

        private List<Resource> map(List<JsonNode> items, Kind kind) {
            List<Resource> out = new ArrayList<>(items.size());
            String apiVersion = kind.group().isEmpty() ? "v1" : kind.group() + "/v1";
            for (JsonNode item : items) {
                if (!(item instanceof ObjectNode tree)) {
                    continue;
                }
                // List items carry no kind/apiVersion on the wire; the mapper needs them.
                tree.put("apiVersion", apiVersion);
                tree.put("kind", kind.kindName());
                try {
                    // Objects from the API server always carry their namespace; "default" never applies.
                    Resource r = ResourceMapper.map(tree, SourceMap.empty(), ORIGIN, "default");
                    if (r != null) {
                        out.add(r);
                    }
                } catch (InvalidResourceException e) {
                    details.add("skipped " + kind.kindName() + " " + tree.path("metadata").path("namespace").asText()
                            + "/" + tree.path("metadata").path("name").asText() + ": " + e.getMessage());
                }
            }
            details.add("read " + out.size() + " " + kind.kindName() + "(s)");
            return out;
        }

        private SourceException failure(KubeApiException e) {
            if (e.code() == 0) {
                return new SourceException(ExitCodes.UNAVAILABLE, e.timedOut() ? e.getMessage() + ": check that the"
                        + " API server is up, or raise --request-timeout"
                        : "cannot reach the cluster at " + api.server() + " (" + e.getMessage() + "): check"
                        + " --context/--kubeconfig and that the API server is up, or read manifests with -f PATH", e);
            }
            if (e.code() == 401) {
                return new SourceException(ExitCodes.UNAVAILABLE, e.getMessage() + ": log in again or pick another"
                        + " --context", e);
            }
            return new SourceException(ExitCodes.UNAVAILABLE, e.getMessage(), e);
        }
    }

    /** What degrades when a kind cannot be read at all. */
    private static String degrades(Kind kind) {
        return switch (kind) {
            case SERVICE -> "port checks use no Service";
            case POD -> "gateway workloads come from Deployments only";
            case DEPLOYMENT -> "gateway workloads come from Pods only";
            case NAMESPACE -> "namespace labels are not available";
            default -> "checks that need them are skipped";
        };
    }

    private static String plural(Kind k) {
        return k.kindName().toLowerCase(java.util.Locale.ROOT) + "s";
    }

    private static boolean isIstio(Kind k) {
        return ISTIO_GROUP.equals(k.group());
    }

    private static String key(Resource r) {
        return r.kind() + "/" + r.metadata().namespace() + "/" + r.metadata().name();
    }

    private static boolean notFound(Throwable t) {
        KubeApiException k = KubeApi.failureOf(t);
        return k != null && k.notFound();
    }

    private static boolean forbidden(Throwable t) {
        KubeApiException k = KubeApi.failureOf(t);
        return k != null && k.forbidden();
    }

    /**
     * The Secret with every value dropped except the TLS keys a check reads: other keys keep their name with an
     * empty value, so "which keys exist" checks still work and no other secret data stays in the process.
     */
    static JsonNode withoutSecretValues(JsonNode secret) {
        if (!(secret instanceof ObjectNode o)) {
            return secret;
        }
        for (String field : List.of("data", "stringData")) {
            if (o.get(field) instanceof ObjectNode data) {
                for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!Secret.TLS_KEYS.contains(e.getKey()) || field.equals("stringData")) {
                        e.setValue(o.textNode(""));
                    }
                }
            } else {
                o.remove(field);
            }
        }
        if (o.get("metadata") instanceof ObjectNode meta) {
            meta.remove("managedFields");
            if (meta.get("annotations") instanceof ObjectNode ann) {
                // kubectl apply keeps the whole object, data included, in this annotation
                ann.remove("kubectl.kubernetes.io/last-applied-configuration");
            }
        }
        return o;
    }

    /** No version of an Istio kind is served: the CRDs are not installed. */
    private static final class IstioMissing extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IstioMissing() {
            super("Istio CRDs not installed", null, false, false);
        }
    }
}
