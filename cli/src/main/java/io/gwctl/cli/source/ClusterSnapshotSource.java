package io.gwctl.cli.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.gwctl.cli.ExitCodes;
import io.gwctl.model.Origin;
import io.gwctl.model.Snapshot;
import io.gwctl.model.SourceMap;
import io.gwctl.model.load.InvalidResourceException;
import io.gwctl.model.load.ResourceMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Resources read from a live cluster with fabric8: the Istio Gateways, VirtualServices and DestinationRules
 * ({@code networking.istio.io/v1}, else {@code v1beta1} on older control planes), Services, Pods, Deployments,
 * Secrets (metadata, type and the TLS keys only) and Namespaces, in one namespace or all (-A). Each object is
 * turned into a JSON tree and mapped by the same {@link ResourceMapper} as files, so both sources yield the same
 * snapshot. A forbidden Secret list is a warning, not a failure: the credential checks are skipped.
 */
public final class ClusterSnapshotSource implements SnapshotSource {
    private static final String ISTIO_GROUP = "networking.istio.io";
    private static final List<String> ISTIO_VERSIONS = List.of("v1", "v1beta1");
    private static final List<String> ISTIO_KINDS = List.of("Gateway", "VirtualService", "DestinationRule");
    /**
     * No file: findings on live resources print as istioctl's do, {@code (Kind ns/name)} without a location
     * (lint-catalogue §2.5; Origin's contract: the file is empty for cluster resources).
     */
    private static final Origin ORIGIN = Origin.none("");

    private final ClusterTarget target;
    private final KubeClientFactory clients;
    private final ObjectMapper json = new ObjectMapper();

    public ClusterSnapshotSource(ClusterTarget target, KubeClientFactory clients) {
        this.target = target;
        this.clients = clients;
    }

    @Override
    public SourceResult load() throws SourceException {
        try (KubernetesClient client = clients.create(target)) {
            return read(client);
        }
    }

    private SourceResult read(KubernetesClient client) throws SourceException {
        String home = namespace(client);
        Scope scope = new Scope(home);
        Snapshot.Builder snapshot = Snapshot.builder();
        List<String> warnings = new ArrayList<>();
        List<String> details = new ArrayList<>();
        try {
            for (String kind : ISTIO_KINDS) {
                List<GenericKubernetesResource> items = istio(client, kind, scope, warnings);
                add(snapshot, items, "networking.istio.io/v1", kind, details);
            }
            add(snapshot, scope.list("Services", ns -> list(client.services(), ns)), "v1", "Service", details);
            add(snapshot, scope.list("Pods", ns -> list(client.pods(), ns)), "v1", "Pod", details);
            add(snapshot, scope.list("Deployments", ns -> list(client.apps().deployments(), ns)), "apps/v1",
                    "Deployment", details);
            secrets(client, scope, snapshot, warnings, details);
            namespaces(client, scope, snapshot, details);
        } catch (KubernetesClientException e) {
            throw unreachable(client, e);
        }
        if (!scope.homeOnly.isEmpty()) {
            warnings.add(0, "cannot list " + String.join(", ", scope.homeOnly) + " in all namespaces (forbidden):"
                    + " read namespace " + home + " only");
        }
        String where = scope.homeOnly.isEmpty() ? "all namespaces" : "namespace " + home;
        return new SourceResult(snapshot.build(), List.of(), 0, ExitCodes.OK, warnings, details,
                List.of("cluster " + client.getMasterUrl() + " (" + where + ")"), home);
    }

    /**
     * gwctl reads every namespace, as istiod and istioctl analyze see them (a gateway workload in istio-system
     * serves Gateways and VirtualServices of all namespaces); -n only scopes the workload argument and the
     * findings reported. A user allowed to list a kind in one namespace only gets that namespace, and one warning.
     */
    private static final class Scope {
        private final String home;
        private final Set<String> homeOnly = new LinkedHashSet<>();

        Scope(String home) {
            this.home = home;
        }

        /** Lists in all namespaces ({@code null}), else in the home namespace when that is forbidden. */
        <T> List<T> list(String what, Function<String, List<T>> lister) {
            try {
                return lister.apply(null);
            } catch (KubernetesClientException e) {
                if (e.getCode() != 403) {
                    throw e;
                }
                homeOnly.add(what);
                return lister.apply(home);
            }
        }
    }

    private String namespace(KubernetesClient client) {
        if (target.namespace() != null) {
            return target.namespace();
        }
        String fromContext = client.getNamespace();
        return fromContext == null || fromContext.isEmpty() ? "default" : fromContext;
    }

    /**
     * Lists an Istio kind at v1, falling back to v1beta1 when v1 is not served (Istio before 1.22). The plural is
     * given so that no API discovery round trip is needed.
     */
    private List<GenericKubernetesResource> istio(KubernetesClient client, String kind, Scope scope,
                                                  List<String> warnings) {
        for (String version : ISTIO_VERSIONS) {
            ResourceDefinitionContext context = new ResourceDefinitionContext.Builder()
                    .withGroup(ISTIO_GROUP).withVersion(version).withKind(kind)
                    .withPlural(kind.toLowerCase(Locale.ROOT) + "s").withNamespaced(true).build();
            try {
                return scope.list(kind + "s", ns -> list(client.genericKubernetesResources(context), ns));
            } catch (KubernetesClientException e) {
                if (e.getCode() != 404) {
                    throw e;
                }
            }
        }
        warnings.add("the cluster serves no " + kind + " (networking.istio.io v1 or v1beta1): is Istio installed?");
        return List.of();
    }

    /** The items of one kind in the namespace, or in all namespaces when {@code ns} is null. */
    private static <T extends HasMetadata, L extends KubernetesResourceList<T>> List<T> list(
            MixedOperation<T, L, ? extends Resource<T>> op, String ns) {
        return (ns == null ? op.inAnyNamespace().list() : op.inNamespace(ns).list()).getItems();
    }

    private void secrets(KubernetesClient client, Scope scope, Snapshot.Builder snapshot, List<String> warnings,
                         List<String> details) {
        List<Secret> items;
        try {
            items = scope.list("Secrets", ns -> list(client.secrets(), ns));
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                throw e;
            }
            scope.homeOnly.remove("Secrets"); // one line says it all: no Secrets anywhere
            warnings.add("cannot list secrets in namespace " + scope.home + " (forbidden): credential checks skipped");
            return;
        }
        List<ObjectNode> trees = new ArrayList<>(items.size());
        for (Secret s : items) {
            trees.add(withoutSecretValues(s));
        }
        addTrees(snapshot, trees, "v1", "Secret", details);
    }

    /**
     * The Secret as a tree with every value dropped except the TLS keys a check reads: other keys keep their name
     * with an empty value, so "which keys exist" checks still work and no other secret data enters the process's
     * model (HELPERS "never print secret data").
     */
    private ObjectNode withoutSecretValues(Secret s) {
        Map<String, String> data = new HashMap<>();
        if (s.getData() != null) {
            s.getData().forEach((k, v) -> data.put(k, io.gwctl.model.kube.Secret.TLS_KEYS.contains(k) ? v : ""));
        }
        if (s.getStringData() != null) {
            s.getStringData().forEach((k, v) -> data.putIfAbsent(k, ""));
        }
        ObjectNode tree = json.createObjectNode();
        tree.set("metadata", json.valueToTree(s.getMetadata()));
        tree.put("type", s.getType());
        tree.set("data", json.valueToTree(data));
        return tree;
    }

    private void namespaces(KubernetesClient client, Scope scope, Snapshot.Builder snapshot, List<String> details) {
        List<io.fabric8.kubernetes.api.model.Namespace> items;
        try {
            items = client.namespaces().list().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                throw e;
            }
            try {
                items = single(client.namespaces().withName(scope.home).get());
            } catch (KubernetesClientException again) {
                if (again.getCode() != 403) {
                    throw again;
                }
                // Namespaces are cluster-scoped: a namespace-scoped user may not read them; no check needs them.
                details.add("cannot read Namespaces (forbidden): namespace labels not available");
                return;
            }
        }
        add(snapshot, items, "v1", "Namespace", details);
    }

    private static <T> List<T> single(T item) {
        return item == null ? List.of() : List.of(item);
    }

    private <T> void add(Snapshot.Builder snapshot, List<T> items, String apiVersion, String kind,
                         List<String> details) {
        List<ObjectNode> trees = new ArrayList<>(items.size());
        for (T item : items) {
            trees.add(json.valueToTree(item));
        }
        addTrees(snapshot, trees, apiVersion, kind, details);
    }

    private void addTrees(Snapshot.Builder snapshot, List<ObjectNode> trees, String apiVersion, String kind,
                          List<String> details) {
        int n = 0;
        for (ObjectNode tree : trees) {
            // List items carry no kind/apiVersion on the wire; the mapper needs them.
            tree.put("apiVersion", apiVersion);
            tree.put("kind", kind);
            try {
                if (mapped(snapshot, tree)) {
                    n++;
                }
            } catch (InvalidResourceException e) {
                JsonNode name = tree.path("metadata").path("name");
                details.add("skipped " + kind + " " + tree.path("metadata").path("namespace").asText() + "/"
                        + name.asText() + ": " + e.getMessage());
            }
        }
        details.add("read " + n + " " + kind + "(s)");
    }

    private static boolean mapped(Snapshot.Builder snapshot, JsonNode tree) throws InvalidResourceException {
        // Objects from the API server always carry their namespace; "default" never applies.
        io.gwctl.model.Resource r = ResourceMapper.map(tree, SourceMap.empty(), ORIGIN, "default");
        if (r == null) {
            return false;
        }
        snapshot.add(r);
        return true;
    }

    private SourceException unreachable(KubernetesClient client, KubernetesClientException e) {
        String server = String.valueOf(client.getMasterUrl());
        if (e.getCode() == 401 || e.getCode() == 403) {
            return new SourceException(ExitCodes.UNAVAILABLE, "the cluster at " + server + " refused the request ("
                    + e.getCode() + "): log in again or pick another --context, or read manifests with -f PATH", e);
        }
        if (e.getCode() > 0) {
            return new SourceException(ExitCodes.UNAVAILABLE, "the cluster at " + server + " answered with an error ("
                    + e.getMessage() + "): check that the API server is healthy, or read manifests with -f PATH", e);
        }
        return new SourceException(ExitCodes.UNAVAILABLE, "cannot reach the cluster at " + server + " ("
                + rootMessage(e) + "): check --context/--kubeconfig and that the API server is up,"
                + " or read manifests with -f PATH", e);
    }

    /** Why the connection failed, in the words a person checks first (refused, unknown host, TLS, timeout). */
    private static String rootMessage(Throwable t) {
        Throwable last = t;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.net.ConnectException || c instanceof java.nio.channels.ClosedChannelException) {
                return "connection refused";
            }
            if (c instanceof java.net.UnknownHostException) {
                return "unknown host " + c.getMessage();
            }
            if (c instanceof javax.net.ssl.SSLException) {
                return "TLS handshake failed: " + c.getMessage();
            }
            if (c instanceof java.net.http.HttpTimeoutException || c instanceof java.net.SocketTimeoutException) {
                return "timed out";
            }
            last = c;
        }
        String m = last.getMessage();
        return last.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
