package io.gwctl.cli.live;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.gwctl.cli.Fixtures;
import io.gwctl.cli.Gwctl;
import io.gwctl.cli.source.KubeClientFactory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cluster with a gateway proxy for {@code --live} tests, started before and stopped after each test (register it
 * with {@code @RegisterExtension}): fabric8's mock API server in CRUD mode (pods and Deployments created through the
 * client; expectations, e.g. a 403 on {@code portforward}, take precedence), a kubeconfig file pointing at it, and a
 * local HTTP server standing in for the proxy's Envoy admin endpoint, reached through a test
 * {@link ProxyAdminTunnels} that records which pod and port were asked for.
 */
public final class LiveCluster implements BeforeEachCallback, AfterEachCallback {
    /** What the stand-in admin endpoint answers to {@code GET /config_dump}. */
    private record Answer(int status, byte[] body) {
    }

    private KubernetesMockServer api;
    private NamespacedKubernetesClient client;
    private HttpServer envoy;
    private Path dir;
    private String kubeconfig;
    private volatile Answer answer;
    /** {@code namespace/pod:port} of every tunnel opened, in order. */
    public final List<String> tunnels = new CopyOnWriteArrayList<>();
    /** The request paths the admin endpoint received. */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        tunnels.clear();
        requests.clear();
        answer = new Answer(404, "no dump served".getBytes(StandardCharsets.UTF_8));
        dir = Files.createTempDirectory("gwctl-live");
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        api = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
        api.init();
        client = api.createClient();
        envoy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        envoy.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(exchange.getRequestURI().getPath() + (query == null ? "" : "?" + query));
            Answer a = exchange.getRequestURI().getPath().equals("/config_dump") ? answer
                    : new Answer(404, "invalid path".getBytes(StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(a.status(), a.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(a.body());
            }
        });
        envoy.start();
        kubeconfig = Fixtures.write(dir, "kubeconfig", """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: http://%s:%d
                contexts:
                - name: mock
                  context:
                    cluster: mock
                    user: me
                    namespace: default
                current-context: mock
                users:
                - name: me
                  user:
                    token: abc
                """.formatted(api.getHostName(), api.getPort()));
    }

    /** The kubeconfig file of the mock cluster. */
    public String kubeconfig() {
        return kubeconfig;
    }

    /** The mock API server, for expectations. */
    public KubernetesMockServer api() {
        return api;
    }

    /** A gwctl run against this cluster: the real fabric8 client factory and the test tunnels. */
    public Gwctl gwctl() {
        return new Gwctl().kube(KubeClientFactory.fabric8()).proxyAdmin(tunnels());
    }

    /** Tunnels that record the pod and port and lead to the stand-in admin endpoint. */
    public ProxyAdminTunnels tunnels() {
        return tunnelsTo(URI.create("http://" + envoy.getAddress().getHostString() + ":"
                + envoy.getAddress().getPort() + "/"));
    }

    /** Tunnels that record the pod and port and lead to {@code base} (e.g. a port nothing listens on). */
    public ProxyAdminTunnels tunnelsTo(URI base) {
        return (c, namespace, pod, port) -> {
            tunnels.add(namespace + "/" + pod + ":" + port);
            return new ProxyAdminTunnels.Tunnel() {
                @Override
                public URI baseUri() {
                    return base;
                }

                @Override
                public void close() {
                }
            };
        };
    }

    /** Serves the file as the proxy's config dump. */
    public LiveCluster serve(Path dump) throws IOException {
        answer = new Answer(200, Files.readAllBytes(dump));
        return this;
    }

    /** Answers {@code /config_dump} with this status and body. */
    public LiveCluster answer(int status, String body) {
        answer = new Answer(status, body.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Creates a Deployment whose selector is {@code app=NAME}. */
    public LiveCluster deployment(String namespace, String name) {
        Deployment d = new DeploymentBuilder()
                .withMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build())
                .withNewSpec()
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata().endTemplate()
                .endSpec()
                .build();
        client.apps().deployments().inNamespace(namespace).resource(d).create();
        return this;
    }

    /**
     * Creates a pod labelled {@code app=APP} in the given phase, Ready or not.
     *
     * @param app the Deployment it belongs to (its selector), or null
     */
    public LiveCluster pod(String namespace, String name, String app, String phase, boolean ready) {
        Pod p = new PodBuilder()
                .withMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace)
                        .withLabels(app == null ? Map.of() : Map.of("app", app)).build())
                .withNewStatus()
                .withPhase(phase)
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .endStatus()
                .build();
        client.pods().inNamespace(namespace).resource(p).create();
        return this;
    }

    /**
     * Creates the objects of a (multi-document) manifest file: Istio kinds through the generic API, the rest through
     * the typed one; every Deployment gets one running, ready pod named {@code NAME-0} with its template's labels.
     */
    public LiveCluster apply(Path manifests) throws IOException {
        for (String doc : Files.readString(manifests, StandardCharsets.UTF_8).split("(?m)^---$")) {
            if (doc.isBlank()) {
                continue;
            }
            HasMetadata o = Serialization.unmarshal(doc);
            String ns = o.getMetadata().getNamespace();
            if (o.getApiVersion().startsWith("networking.istio.io/")) {
                ResourceDefinitionContext rdc = new ResourceDefinitionContext.Builder()
                        .withGroup("networking.istio.io").withVersion(o.getApiVersion().substring(20))
                        .withKind(o.getKind()).withPlural(o.getKind().toLowerCase(Locale.ROOT) + "s")
                        .withNamespaced(true).build();
                client.genericKubernetesResources(rdc).inNamespace(ns).resource((GenericKubernetesResource) o)
                        .create();
            } else {
                client.resource(o).inNamespace(ns).create();
            }
            if (o instanceof Deployment d) {
                Pod p = new PodBuilder()
                        .withMetadata(new ObjectMetaBuilder().withName(d.getMetadata().getName() + "-0")
                                .withNamespace(ns).withLabels(d.getSpec().getTemplate().getMetadata().getLabels())
                                .build())
                        .withSpec(d.getSpec().getTemplate().getSpec())
                        .withNewStatus().withPhase("Running")
                        .addNewCondition().withType("Ready").withStatus("True").endCondition()
                        .endStatus()
                        .build();
                client.pods().inNamespace(ns).resource(p).create();
            }
        }
        return this;
    }

    /** The default ingress gateway: Deployment istio-system/istio-ingressgateway with one running, ready pod. */
    public LiveCluster defaultIngress(String podName) {
        return deployment("istio-system", "istio-ingressgateway")
                .pod("istio-system", podName, "istio-ingressgateway", "Running", true);
    }

    /** Stops the API server, so that the cluster is unreachable. */
    public void stopApiServer() {
        if (api != null) {
            client.close();
            api.destroy();
            api = null;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        envoy.stop(0);
        stopApiServer();
        Files.deleteIfExists(Path.of(kubeconfig));
        Files.deleteIfExists(dir);
    }

    /** Reads a file as UTF-8. */
    public static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
