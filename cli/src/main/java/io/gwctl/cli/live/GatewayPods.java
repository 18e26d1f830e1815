package io.gwctl.cli.live;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.GwctlException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the running gateway pod whose proxy to read, from istioctl's workload argument, with fabric8's typed API:
 * a pod by name, or a Running and Ready pod of a Deployment (by its selector, the first by name so that repeated runs
 * read the same pod).
 */
public final class GatewayPods {
    private GatewayPods() {
    }

    /** What the workload argument names. */
    public enum Kind {
        POD("pod"), DEPLOYMENT("deployment"), POD_OR_DEPLOYMENT("pod or deployment");

        private final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    /**
     * A workload in the cluster.
     *
     * @param namespace null for the kubeconfig context's namespace
     */
    public record WorkloadRef(Kind kind, String name, String namespace) {
        /**
         * Parses {@code pod/NAME}, {@code deploy/NAME}, {@code deployment/NAME} or a bare {@code NAME} (a pod, else a
         * Deployment), optionally suffixed {@code .NAMESPACE} (istioctl's syntax; else {@code namespace}).
         *
         * @throws IllegalArgumentException for another TYPE/
         */
        public static WorkloadRef parse(String arg, String namespace) {
            Kind kind = Kind.POD_OR_DEPLOYMENT;
            String name = arg;
            int slash = arg.indexOf('/');
            if (slash >= 0) {
                String type = arg.substring(0, slash).toLowerCase(Locale.ROOT);
                name = arg.substring(slash + 1);
                kind = switch (type) {
                    case "pod", "pods", "po" -> Kind.POD;
                    case "deploy", "deployment", "deployments" -> Kind.DEPLOYMENT;
                    default -> throw new IllegalArgumentException("unsupported workload type \"" + type
                            + "\": use pod/NAME or deployment/NAME");
                };
            }
            String ns = namespace;
            int dot = name.lastIndexOf('.');
            if (dot > 0) {
                ns = name.substring(dot + 1);
                name = name.substring(0, dot);
            }
            return new WorkloadRef(kind, name, ns);
        }
    }

    /**
     * The pod to read, as {@code namespace/name}.
     *
     * @throws GwctlException 64 when the workload does not exist, 69 when it has no pod to read or the cluster
     *                        cannot be asked
     */
    public static String pick(KubernetesClient client, WorkloadRef ref) {
        String ns = ref.namespace() != null ? ref.namespace()
                : client.getNamespace() != null ? client.getNamespace() : "default";
        try {
            if (ref.kind() != Kind.DEPLOYMENT) {
                Pod pod = client.pods().inNamespace(ns).withName(ref.name()).get();
                if (pod != null) {
                    String phase = phase(pod);
                    if (!"Running".equals(phase)) {
                        throw new GwctlException(ExitCodes.UNAVAILABLE, "pod " + ns + "/" + ref.name()
                                + " is not running (phase " + phase + ")");
                    }
                    return ns + "/" + ref.name();
                }
            }
            Deployment d = ref.kind() == Kind.POD ? null
                    : client.apps().deployments().inNamespace(ns).withName(ref.name()).get();
            if (d == null) {
                throw new GwctlException(ExitCodes.USAGE, "no " + ref.kind().word + " \"" + ref.name()
                        + "\" in namespace " + ns + " of the cluster");
            }
            return ns + "/" + readyPod(client, ns, d);
        } catch (KubernetesClientException e) {
            throw clusterError(client, ns, e);
        }
    }

    private static String readyPod(KubernetesClient client, String ns, Deployment d) {
        LabelSelector selector = d.getSpec() == null ? null : d.getSpec().getSelector();
        String name = d.getMetadata().getName();
        if (selector == null) {
            throw new GwctlException(ExitCodes.UNAVAILABLE, "deployment " + ns + "/" + name + " has no selector");
        }
        List<Pod> pods = new ArrayList<>(client.pods().inNamespace(ns).withLabelSelector(selector).list().getItems());
        pods.sort(Comparator.comparing(p -> p.getMetadata().getName()));
        List<String> states = new ArrayList<>();
        for (Pod p : pods) {
            if (isRunningAndReady(p)) {
                return p.getMetadata().getName();
            }
            states.add(p.getMetadata().getName() + " " + phase(p)
                    + (p.getMetadata().getDeletionTimestamp() != null ? ", terminating"
                    : "Running".equals(phase(p)) ? ", not ready" : ""));
        }
        throw new GwctlException(ExitCodes.UNAVAILABLE, "deployment " + ns + "/" + name
                + " has no running and ready pod" + (states.isEmpty() ? "" : " (" + String.join("; ", states) + ")")
                + (states.isEmpty() ? "" : "; name one with pod/NAME." + ns));
    }

    /** Running, Ready and not being deleted: a proxy that serves traffic. */
    static boolean isRunningAndReady(Pod p) {
        if (p.getMetadata().getDeletionTimestamp() != null || !"Running".equals(phase(p))) {
            return false;
        }
        for (PodCondition c : p.getStatus().getConditions()) {
            if ("Ready".equals(c.getType()) && "True".equals(c.getStatus())) {
                return true;
            }
        }
        return false;
    }

    private static String phase(Pod p) {
        return p.getStatus() == null || p.getStatus().getPhase() == null ? "Unknown" : p.getStatus().getPhase();
    }

    /** A failed API request: forbidden, unauthorised, unreachable, or another error of the API server; all exit 69. */
    private static GwctlException clusterError(KubernetesClient client, String ns, KubernetesClientException e) {
        String server = String.valueOf(client.getMasterUrl());
        String msg;
        if (e.getCode() <= 0) {
            // No answer: fabric8 wraps the connection's error in "Operation: [get] ... failed."
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            String why = cause.getMessage() == null ? "no connection: " + cause.getClass().getSimpleName()
                    : firstLine(cause);
            msg = "cannot reach the cluster at " + server + " (" + why + "): check --context/--kubeconfig and that"
                    + " the API server is up";
        } else if (e.getCode() == 401) {
            msg = "the cluster at " + server + " refused the credentials (401 Unauthorized): log in again or pick"
                    + " another --context";
        } else if (e.getCode() == 403) {
            msg = "cannot read pods and deployments in namespace " + ns + " of the cluster at " + server
                    + " (forbidden): reading a live proxy needs get and list on pods, get on deployments";
        } else {
            msg = "the cluster at " + server + " answered with an error (" + e.getCode() + "): " + firstLine(e);
        }
        return new GwctlException(ExitCodes.UNAVAILABLE, msg, e);
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
