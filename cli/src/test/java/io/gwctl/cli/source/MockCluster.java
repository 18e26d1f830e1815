package io.gwctl.cli.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A Kubernetes API server for black-box cluster-mode tests: fabric8's {@link KubernetesMockServer} in CRUD mode
 * (objects created through a fabric8 client are served back by list and get, at the apiVersion they were created
 * with), over HTTP or HTTPS, with every request recorded (path and headers) and two ways to make it fail:
 * expectations ({@link #answer}, for one exact path and query; fabric8's mixed dispatcher serves an expectation
 * before the CRUD store whenever one is queued for the request's method and path) and denials ({@link #deny}, a
 * 403 for every request a predicate matches, as RBAC answers).
 *
 * <p>The CRUD store ignores {@code limit} and {@code continue}: a list comes back whole, in one page. Pagination is
 * therefore tested with expectations keyed by query string.
 */
public final class MockCluster implements AutoCloseable {
    public static final String ISTIO_GROUP = "networking.istio.io";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, String> ISTIO_PLURALS = Map.of("Gateway", "gateways",
            "VirtualService", "virtualservices", "DestinationRule", "destinationrules");
    /** The Kubernetes kinds gwctl reads, as the API server serves them. */
    private static final Map<String, ResourceDefinitionContext> KUBERNETES_KINDS = Map.of(
            "Service", kubernetes("", "Service", "services", true),
            "Pod", kubernetes("", "Pod", "pods", true),
            "Secret", kubernetes("", "Secret", "secrets", true),
            "Namespace", kubernetes("", "Namespace", "namespaces", false),
            "Deployment", kubernetes("apps", "Deployment", "deployments", true));

    /** How long without a request before the requests of the previous test are taken as all arrived. */
    private static final long QUIET_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(150);

    private final KubernetesMockServer server;
    private final NamespacedKubernetesClient client;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Predicate<Request>> denials = new CopyOnWriteArrayList<>();
    private volatile boolean recording;
    private volatile long lastRequest = System.nanoTime();
    /** Whether a test injected failures (then its run may have ended with requests still in flight). */
    private volatile boolean injected;

    /** One request as the server received it. */
    public record Request(String method, String path, Map<String, List<String>> headers) {
        /** The path without the query. */
        public String resourcePath() {
            int q = path.indexOf('?');
            return q < 0 ? path : path.substring(0, q);
        }

        /** The query string, empty when there is none. */
        public String query() {
            int q = path.indexOf('?');
            return q < 0 ? "" : path.substring(q + 1);
        }

        /** The request in RBAC's terms, or null when it reads no resource (discovery, /version). */
        public ApiPath api() {
            return ApiPath.parse(resourcePath());
        }

        /** The first value of a header (case-insensitive name), or null. */
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static {
        // MockWebServer logs every request at INFO through java.util.logging: thousands of lines per build
        java.util.logging.Logger.getLogger("io.fabric8.mockwebserver").setLevel(java.util.logging.Level.WARNING);
    }

    private MockCluster(boolean https) {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        MockDispatcher expectations = new MockDispatcher(responses);
        Dispatcher store = new Store();
        Dispatcher recordingDispatcher = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                Request request = new Request(r.getMethod(), r.getPath(), r.getHeaders().toMultimap());
                lastRequest = System.nanoTime();
                if (recording) {
                    requests.add(request);
                    for (Predicate<Request> denied : denials) {
                        if (denied.test(request)) {
                            return new MockResponse().setResponseCode(403).setBody(forbidden(request));
                        }
                    }
                }
                // fabric8's KubernetesMixedDispatcher: an expectation queued for the method and path comes first
                Queue<ServerResponse> queued = responses.get(new SimpleRequest(HttpMethod.valueOf(r.getMethod()),
                        r.getPath()));
                return queued != null && !queued.isEmpty() ? expectations.dispatch(r) : store.dispatch(r);
            }
        };
        server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), responses,
                recordingDispatcher, https);
        server.init();
        client = server.createClient();
    }

    private static ResourceDefinitionContext kubernetes(String group, String kind, String plural,
                                                        boolean namespaced) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion("v1").withKind(kind)
                .withPlural(plural).withNamespaced(namespaced).build();
    }

    /** A started server over plain HTTP. */
    public static MockCluster http() {
        return new MockCluster(false);
    }

    /** A started server over HTTPS with a self-signed certificate for localhost ({@link #certificate()}). */
    public static MockCluster https() {
        return new MockCluster(true);
    }

    /** The server's URL, e.g. {@code http://localhost:40123}. */
    public String url() {
        String u = server.url("/");
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /** The PEM file of the HTTPS server's self-signed certificate (its own CA). */
    public Path certificate() {
        return Path.of(server.getSelfSignedCertificate().certificatePath());
    }

    /** Creates every object of the YAML files or directories (walked in name order), Istio kinds at v1. */
    public MockCluster load(Path... paths) {
        return load("v1", paths);
    }

    /** Creates every object of the YAML files or directories, Istio kinds at {@code istioVersion}. */
    public MockCluster load(String istioVersion, Path... paths) {
        for (Path p : paths) {
            for (Path file : yamlFiles(p)) {
                try {
                    create(istioVersion, Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return this;
    }

    /** Creates every object of a multi-document YAML text, Istio kinds at {@code istioVersion}. */
    public MockCluster create(String istioVersion, String yaml) {
        try {
            for (JsonNode doc : YAML.readValues(YAML.createParser(yaml), JsonNode.class).readAll()) {
                if (doc instanceof ObjectNode o && o.hasNonNull("kind")) {
                    create(istioVersion, o);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private void create(String istioVersion, ObjectNode doc) {
        String kind = doc.path("kind").asText();
        ResourceDefinitionContext context = ISTIO_PLURALS.containsKey(kind)
                ? new ResourceDefinitionContext.Builder().withGroup(ISTIO_GROUP).withVersion(istioVersion)
                        .withKind(kind).withPlural(ISTIO_PLURALS.get(kind)).withNamespaced(true).build()
                : KUBERNETES_KINDS.get(kind);
        if (context == null) {
            throw new IllegalArgumentException("MockCluster cannot create a " + kind);
        }
        doc.put("apiVersion", context.getGroup().isEmpty() ? context.getVersion()
                : context.getGroup() + "/" + context.getVersion());
        // Generic resources all the way: fabric8's typed models would load hundreds of classes for nothing.
        GenericKubernetesResource r = Serialization.jsonMapper().convertValue(doc, GenericKubernetesResource.class);
        try {
            if (context.isNamespaceScoped()) {
                client.genericKubernetesResources(context).inNamespace(r.getMetadata().getNamespace()).resource(r)
                        .create();
            } else {
                client.genericKubernetesResources(context).resource(r).create();
            }
        } catch (KubernetesClientException e) {
            // On a starved machine the client can time out on a POST the server did store, and retry it: the
            // object exists, which is what was asked.
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }

    private static List<Path> yamlFiles(Path p) {
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        try (Stream<Path> walk = Files.walk(p)) {
            return walk.filter(f -> {
                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                return Files.isRegularFile(f) && (n.endsWith(".yaml") || n.endsWith(".yml"));
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * From now on, records requests and applies denials (objects created before this call are set-up, not part of
     * the run under test). Call after loading.
     */
    public MockCluster ready() {
        recording = true;
        return this;
    }

    /**
     * Forgets the expectations, denials and recorded requests of a test; the objects stay. A run that failed on
     * an injected error leaves its other parallel requests in flight: they are let in first, so that they are not
     * counted in the next test.
     */
    public MockCluster reset() {
        while (injected && System.nanoTime() - lastRequest < QUIET_NANOS) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        server.clearExpectations();
        denials.clear();
        requests.clear();
        injected = false;
        return this;
    }

    /** Answers {@code code} with {@code body} to every GET of exactly {@code pathAndQuery}. */
    public MockCluster answer(String pathAndQuery, int code, String body) {
        injected = true;
        server.expect().get().withPath(pathAndQuery).andReturn(code, body).always();
        return this;
    }

    /** Answers 403 Forbidden, with a Status as the API server words it, to every request {@code denied} matches. */
    public MockCluster deny(Predicate<Request> denied) {
        injected = true;
        denials.add(denied);
        return this;
    }

    /** A predicate for GETs of {@code resource} (e.g. {@code secrets}) in a namespace, or cluster-wide (null). */
    public static Predicate<Request> resourceIn(String resource, String namespace) {
        return r -> {
            ApiPath p = r.api();
            return p != null && p.resource().equals(resource) && Objects.equals(p.namespace(), namespace);
        };
    }

    /** A predicate for GETs of {@code resource} in any namespace other than {@code namespace}, and cluster-wide. */
    public static Predicate<Request> resourceOutside(String resource, String namespace) {
        return r -> {
            ApiPath p = r.api();
            return p != null && p.resource().equals(resource) && !namespace.equals(p.namespace());
        };
    }

    /** A Kubernetes Status body with {@code code}, {@code reason} and {@code message}. */
    public static String status(int code, String reason, String message) {
        ObjectNode s = YAML.createObjectNode();
        s.put("kind", "Status");
        s.put("apiVersion", "v1");
        s.putObject("metadata");
        s.put("status", "Failure");
        s.put("message", message);
        s.put("reason", reason);
        s.put("code", code);
        return s.toString();
    }

    /** The Status the API server sends for a request RBAC forbids, e.g. {@code secrets "x" is forbidden: …}. */
    private static String forbidden(Request r) {
        ApiPath p = r.api();
        String resource = p == null ? r.resourcePath() : p.resource() + (p.group().isEmpty() ? "" : "." + p.group());
        String verb = p == null ? "get" : p.verb();
        String subject = p != null && p.name() != null ? resource + " \"" + p.name() + "\"" : resource;
        String scope = p == null || p.namespace() == null ? "at the cluster scope"
                : "in the namespace \"" + p.namespace() + "\"";
        return status(403, "Forbidden", subject + " is forbidden: User \"system:serviceaccount:ci:gwctl\" cannot "
                + verb + " resource \"" + (p == null ? "" : p.resource()) + "\" in API group \""
                + (p == null ? "" : p.group()) + "\" " + scope);
    }

    /** Every request received since {@link #ready()}, in arrival order. */
    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** The requests whose path (without query) is {@code path}. */
    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.resourcePath().equals(path)).toList();
    }

    /**
     * Writes a kubeconfig with one context {@code context} (cluster and user of the same name) pointing at this
     * server, with a bearer token and a namespace (null: none), and returns its path.
     */
    public String kubeconfig(Path dir, String file, String context, String namespace, String token) {
        return KubeconfigFile.write(dir.resolve(file), new KubeconfigFile.Context(context, url(), namespace, token),
                context);
    }

    /**
     * fabric8's CRUD store, except that an object created with a {@code creationTimestamp} keeps it (the real API
     * server, like fabric8's, sets the time of creation): istiod orders Gateways by creation time, and findings
     * name those times, so the manifests' times keep the output the same from run to run.
     */
    private static final class Store extends KubernetesCrudDispatcher {
        private final ThreadLocal<String> given = new ThreadLocal<>();

        @Override
        public MockResponse handleCreate(RecordedRequest request) {
            // getBytes() leaves the body to be read again by the store
            String body = new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
            given.set(Serialization.unmarshal(body, GenericKubernetesResource.class).getMetadata()
                    .getCreationTimestamp());
            try {
                return super.handleCreate(request);
            } finally {
                given.remove();
            }
        }

        @Override
        public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
                                 GenericKubernetesResource resource, String newState) {
            String created = given.get();
            if (created != null && oldAttributes == null && resource != null) {
                resource.getMetadata().setCreationTimestamp(created);
                newState = Serialization.asJson(resource);
            }
            super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
        }
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }

    /**
     * A request path of the Kubernetes API ({@code /api/v1/namespaces/ns/secrets/name},
     * {@code /apis/apps/v1/deployments}) in RBAC's terms: verb (get or list), group, resource, namespace (null:
     * cluster-wide) and name (null for a list).
     */
    public record ApiPath(String verb, String group, String resource, String namespace, String name) {
        /** The parts of a GET path, or null when it is not a resource path (discovery, /version). */
        public static ApiPath parse(String path) {
            String[] s = path.replaceFirst("^/", "").split("/");
            int i;
            String group;
            if (s.length >= 3 && s[0].equals("api")) {
                group = "";
                i = 2;
            } else if (s.length >= 4 && s[0].equals("apis")) {
                group = s[1];
                i = 3;
            } else {
                return null;
            }
            String namespace = null;
            if (s.length > i + 2 && s[i].equals("namespaces")) {
                namespace = s[i + 1];
                i += 2;
            }
            String resource = s[i];
            String name = s.length > i + 1 ? s[i + 1] : null;
            if (resource.equals("namespaces") && name != null && namespace == null) {
                // GET /api/v1/namespaces/x is a get of the Namespace x
                return new ApiPath("get", group, resource, null, name);
            }
            return new ApiPath(name == null ? "list" : "get", group, resource, namespace, name);
        }
    }
}
