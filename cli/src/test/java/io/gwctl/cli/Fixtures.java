package io.gwctl.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small inline manifests for CLI tests: the configuration of the worked example in istio-translation.md §10
 * (Gateways test-gw and test-istio-gateway, VirtualServices test-gw and test-istio, the ingress gateway Deployment
 * and Service in istio-system with ports 15021, 80→8080, 443→8443, unprivileged).
 */
public final class Fixtures {
    public static final String GATEWAY_HTTP = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: test-gw
              namespace: default
            spec:
              selector:
                istio: ingressgateway
              servers:
              - port:
                  number: 80
                  name: http
                  protocol: HTTP
                hosts:
                - test.io
            """;

    public static final String GATEWAY_HTTPS = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: test-istio-gateway
              namespace: default
            spec:
              selector:
                istio: ingressgateway
              servers:
              - port:
                  number: 443
                  name: https
                  protocol: HTTPS
                hosts:
                - "*"
                tls:
                  mode: SIMPLE
                  credentialName: test-cert
            """;

    public static final String VS_TEST_GW = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: test-gw
              namespace: default
            spec:
              hosts:
              - test.io
              gateways:
              - test-gw
              http:
              - route:
                - destination:
                    host: productpage
                    port:
                      number: 9080
            """;

    public static final String VS_TEST_ISTIO = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: test-istio
              namespace: default
            spec:
              hosts:
              - "*"
              gateways:
              - test-istio-gateway
              http:
              - match:
                - uri:
                    prefix: /test
                route:
                - destination:
                    host: httpbin
                    port:
                      number: 8000
            """;

    /** A VirtualService bound to a Gateway that does not exist: GW0401 (Error) on line 10. */
    public static final String ORPHAN_VS = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: orphan
              namespace: default
            spec:
              hosts:
              - test.io
              gateways:
              - missing-gw
              http:
              - route:
                - destination:
                    host: productpage
            """;

    public static final String INGRESS = deployment("istio-ingressgateway", "istio-system") + """
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: istio-ingressgateway
              namespace: istio-system
            spec:
              type: LoadBalancer
              selector:
                istio: ingressgateway
              ports:
              - name: status-port
                port: 15021
                targetPort: 15021
              - name: http2
                port: 80
                targetPort: 8080
              - name: https
                port: 443
                targetPort: 8443
            """;

    /** The pod spec of the ingress gateway: unprivileged proxyv2 router with its container ports. */
    private static final String PROXY_POD_SPEC = """
            containers:
            - name: istio-proxy
              image: docker.io/istio/proxyv2:1.24.0
              args: [proxy, router]
              env:
              - name: ISTIO_META_UNPRIVILEGED_POD
                value: "true"
              ports:
              - containerPort: 8080
              - containerPort: 8443
              - containerPort: 15021
            """;

    private Fixtures() {
    }

    /** An ingress gateway Deployment (labels istio=ingressgateway, unprivileged, proxyv2 router). */
    public static String deployment(String name, String namespace) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  selector:
                    matchLabels:
                      istio: ingressgateway
                  template:
                    metadata:
                      labels:
                        app: istio-ingressgateway
                        istio: ingressgateway
                    spec:
                """.formatted(name, namespace) + PROXY_POD_SPEC.indent(6);
    }

    /**
     * A Pod of {@link #deployment} {@code name} as {@code kubectl get pod -o yaml} prints it: owned by the ReplicaSet
     * {@code NAME-7d4f8b9c6d}, labelled with the template labels and {@code pod-template-hash}.
     */
    public static String pod(String deployment, String namespace, String suffix) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %1$s-7d4f8b9c6d-%3$s
                  namespace: %2$s
                  labels:
                    app: istio-ingressgateway
                    istio: ingressgateway
                    pod-template-hash: 7d4f8b9c6d
                  ownerReferences:
                  - apiVersion: apps/v1
                    kind: ReplicaSet
                    name: %1$s-7d4f8b9c6d
                    uid: 0d6c3d2e-5f1a-4c1e-9e43-1f0b6c9d2a11
                    controller: true
                    blockOwnerDeletion: true
                spec:
                """.formatted(deployment, namespace, suffix) + PROXY_POD_SPEC.indent(2);
    }

    /** Writes {@code content} to {@code dir/name} and returns the path as a string. */
    public static String write(Path dir, String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return p.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
