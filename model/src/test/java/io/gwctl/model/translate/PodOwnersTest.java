package io.gwctl.model.translate;

import static io.gwctl.model.translate.GatewayTranslatorTest.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gwctl.model.Snapshot;
import io.gwctl.model.kube.Deployment;
import io.gwctl.model.kube.Pod;
import io.gwctl.model.kube.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Deployment and the Pods it runs are one gateway workload, the Deployment: by owner reference (ReplicaSet
 * {@code <deployment>-<pod-template-hash>}), else by the Deployment's selector, always within one namespace.
 */
class PodOwnersTest {
    private static final String CONTAINERS = "{containers: [{name: istio-proxy, image: proxyv2, args: [proxy, router]}]}";

    static String deployment(String name, String ns, String selector, String labels) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: %s}
                spec:
                  selector: {matchLabels: %s}
                  template:
                    metadata: {labels: %s}
                    spec: %s
                ---
                """.formatted(name, ns, selector, labels, CONTAINERS);
    }

    /** A pod of ReplicaSet {@code rs} (no owner reference when {@code rs} is null). */
    static String pod(String name, String ns, String labels, String rs) {
        String owner = rs == null ? "" : "\n  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: " + rs
                + ", uid: u, controller: true}]";
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                  namespace: %s
                  labels: %s%s
                spec: %s
                ---
                """.formatted(name, ns, labels, owner, CONTAINERS);
    }

    private static List<String> names(List<Workload> ws) {
        return ws.stream().map(w -> w.kind().kindName() + " " + w.metadata().key()).toList();
    }

    private static Snapshot ingressWithTwoPods(boolean ownerRefs) {
        String hashLabels = "{app: istio-ingressgateway, istio: ingressgateway, pod-template-hash: 7d4f8b9c6d}";
        String rs = ownerRefs ? "istio-ingressgateway-7d4f8b9c6d" : null;
        return load(pod("istio-ingressgateway-7d4f8b9c6d-ax2z0", "istio-system", hashLabels, rs)
                + deployment("istio-ingressgateway", "istio-system", "{app: istio-ingressgateway}",
                "{app: istio-ingressgateway, istio: ingressgateway}")
                + pod("istio-ingressgateway-7d4f8b9c6d-bq9w1", "istio-system", hashLabels, rs));
    }

    @Test
    void podsOwnedThroughTheirReplicaSetAreTheDeployment() throws Exception {
        Snapshot s = ingressWithTwoPods(true);
        PodOwners owners = PodOwners.of(s);
        for (Pod p : s.pods()) {
            assertThat(owners.owner(p)).isSameAs(s.deployments().get(0));
        }
        assertThat(names(GatewayWorkloads.find(s))).containsExactly("Deployment istio-system/istio-ingressgateway");
        GatewayProxy p = GatewayWorkloads.resolve(s, null, null);
        assertThat(p.describe()).isEqualTo("Deployment istio-system/istio-ingressgateway");
        assertThat(GatewayWorkloads.resolve(s, "pod/istio-ingressgateway-7d4f8b9c6d-bq9w1", null)).isEqualTo(p);
        assertThat(GatewayWorkloads.resolve(s, "istio-ingressgateway-7d4f8b9c6d-ax2z0.istio-system", null))
                .isEqualTo(p);
        assertThat(GatewayWorkloads.resolve(s, "deploy/istio-ingressgateway", "istio-system")).isEqualTo(p);
    }

    @Test
    void withoutOwnerReferencesTheDeploymentSelectorDecides() throws Exception {
        Snapshot s = ingressWithTwoPods(false);
        assertThat(names(GatewayWorkloads.find(s))).containsExactly("Deployment istio-system/istio-ingressgateway");
        assertThat(GatewayWorkloads.resolve(s, null, null).kind()).isEqualTo("Deployment");
    }

    @Test
    void aPodWithoutOwningDeploymentIsItsOwnWorkload() {
        Snapshot s = load(deployment("gw", "edge", "{app: gw}", "{app: gw, istio: ingressgateway}")
                // a bare pod whose labels the selector does not match
                + pod("debug", "edge", "{app: debug, istio: ingressgateway}", null)
                // owned by a ReplicaSet whose Deployment is not in the input: no selector fallback
                + pod("other-5c6d7e8f9a-x1", "edge", "{app: gw, istio: ingressgateway, pod-template-hash: 5c6d7e8f9a}",
                "other-5c6d7e8f9a")
                // a StatefulSet's pod
                + pod("sts-0", "edge", "{app: gw, istio: ingressgateway}", "sts").replace("kind: ReplicaSet",
                "kind: StatefulSet"));
        assertThat(names(GatewayWorkloads.find(s))).containsExactly("Pod edge/debug",
                "Pod edge/other-5c6d7e8f9a-x1", "Pod edge/sts-0", "Deployment edge/gw");
    }

    @Test
    void podsOfAnotherNamespaceAreNotMerged() {
        String labels = "{app: gw, istio: ingressgateway, pod-template-hash: abc12}";
        Snapshot s = load(deployment("gw", "edge", "{app: gw}", "{app: gw, istio: ingressgateway}")
                + pod("gw-abc12-1", "other", labels, "gw-abc12")
                + pod("gw-abc12-2", "other", labels, null));
        assertThat(names(GatewayWorkloads.find(s))).containsExactly("Pod other/gw-abc12-1", "Pod other/gw-abc12-2",
                "Deployment edge/gw");
    }

    @Test
    void twoDeploymentsKeepTheirOwnPods() throws Exception {
        Snapshot s = load(deployment("gw-a", "edge", "{app: gw, ring: a}", "{app: gw, ring: a, istio: ingressgateway}")
                + deployment("gw-b", "edge", "{app: gw, ring: b}", "{app: gw, ring: b, istio: ingressgateway}")
                + pod("gw-b-1", "edge", "{app: gw, ring: b, istio: ingressgateway}", null)
                + pod("gw-a-f00-1", "edge", "{app: gw, ring: a, istio: ingressgateway, pod-template-hash: f00}",
                "gw-a-f00")
                + pod("gw-a-2", "edge", "{app: gw, ring: a, istio: ingressgateway}", null));
        PodOwners owners = PodOwners.of(s);
        assertThat(s.pods()).extracting(p -> owners.owner(p).metadata().name()).containsExactly("gw-b", "gw-a",
                "gw-a");
        assertThat(names(GatewayWorkloads.find(s))).containsExactly("Deployment edge/gw-a", "Deployment edge/gw-b");
        assertThatThrownBy(() -> GatewayWorkloads.resolve(s, null, null)).isInstanceOf(WorkloadException.class)
                .hasMessage("found 2 gateway workloads and none is istio-system/istio-ingressgateway, the default in"
                        + " the istio namespace; name one of them: deployment/gw-a.edge, deployment/gw-b.edge");
        assertThat(GatewayWorkloads.resolve(s, "pod/gw-b-1", null).name()).isEqualTo("gw-b");
        assertThatThrownBy(() -> GatewayWorkloads.resolve(s, null, null, "edge"))
                .hasMessageStartingWith("found 2 gateway workloads and none is edge/istio-ingressgateway");
    }

    @Test
    void ofSeveralWorkloadsTheIngressGatewayOfTheIstioNamespaceIsTheDefault() throws Exception {
        String ingress = "{app: istio-ingressgateway, istio: ingressgateway}";
        Snapshot s = load(deployment("edge-gateway", "edge", "{app: edge}", "{app: edge, istio: ingressgateway}")
                + deployment("istio-ingressgateway", "istio-system", ingress, ingress)
                + deployment("istio-ingressgateway", "gw-ns", ingress, ingress));
        assertThat(GatewayWorkloads.resolve(s, null, null).describe())
                .isEqualTo("Deployment istio-system/istio-ingressgateway");
        assertThat(GatewayWorkloads.resolve(s, null, null, "gw-ns").describe())
                .isEqualTo("Deployment gw-ns/istio-ingressgateway");
        assertThat(GatewayWorkloads.resolve(s, null, "edge", "gw-ns").describe())
                .as("-n restricts the candidates first").isEqualTo("Deployment edge/edge-gateway");
        assertThatThrownBy(() -> GatewayWorkloads.resolve(s, null, null, "other"))
                .hasMessageStartingWith("found 3 gateway workloads and none is other/istio-ingressgateway");
    }

    @Test
    void withoutWorkloadsTheDefaultIngressIsAssumedInTheIstioNamespace() throws Exception {
        GatewayProxy p = GatewayWorkloads.resolve(Snapshot.empty(), null, null, "gw-ns");
        assertThat(p.assumedDefault()).isTrue();
        assertThat(p.namespace()).isEqualTo("gw-ns");
        assertThat(p.serviceTargets()).extracting(t -> t.port().port() + "->" + t.targetPort())
                .containsExactly("15021->15021", "80->8080", "443->8443");
    }

    @Test
    void anEmptyDeploymentSelectorMatchesNoPod() {
        Snapshot s = load(deployment("gw", "edge", "{}", "{app: gw, istio: ingressgateway}")
                + pod("gw-1", "edge", "{app: gw, istio: ingressgateway}", null));
        assertThat(PodOwners.of(s).owner(s.pods().get(0))).isNull();
        Deployment d = s.deployments().get(0);
        assertThat(d.podSelector()).isEmpty();
    }
}
