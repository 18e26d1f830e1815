package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Server;
import io.gwctl.model.istio.ServerTls;
import io.gwctl.model.istio.TlsMode;
import io.gwctl.model.kube.Secret;
import io.gwctl.model.secret.SecretProducer;
import io.gwctl.model.tls.TlsCredential;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.validators.RuleContext;
import io.gwctl.validators.tls.CredentialRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * One credential a Gateway server references ({@code tls.credentialName} or a {@code tls.credentialNames} entry),
 * resolved to the Secret the gateway workloads of one namespace would read. Istio resolves credentials in the
 * namespace of the gateway workload, not of the Gateway (lint catalogue §2.2 SecretAnalyzer, PR #19583), so a
 * Gateway applied to workloads in two namespaces yields two uses of the same reference.
 *
 * @param gateway   the Gateway
 * @param server    the server carrying the reference
 * @param pointer   JSON pointer of the reference, e.g. {@code /spec/servers/0/tls/credentialName}
 * @param ref       the parsed reference (never builtin; may carry a parse error)
 * @param namespace where the Secret is looked up (null when {@code ref} is malformed)
 * @param workloads the gateway workloads that read it from there (all workloads for an explicit namespace)
 * @param secret    the Secret, or null when it does not exist there
 * @param producer  when the input has no such Secret: the Certificate, ExternalSecret or SealedSecret that produces
 *                  it there (its content is then unknown), else null
 */
record CredentialUse(Gateway gateway, Server server, String pointer, CredentialRef ref, String namespace,
                     List<GatewayProxy> workloads, Secret secret, SecretProducer producer) {

    /** The key of {@link #all}'s list among the run's shared values. */
    private static final Object ALL = new Object();

    /** True when some Gateway server names a credential, i.e. the credential rules have something to check. */
    static boolean anyCredential(RuleContext ctx) {
        for (io.gwctl.model.istio.Gateway g : ctx.snapshot().gateways()) {
            for (io.gwctl.model.istio.Server s : g.servers()) {
                if (s.tls() != null && !s.tls().allCredentialNames().isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Every use in the input, Gateways and servers in input order, namespaces sorted. Gateways that apply to no
     * gateway workload are skipped (GW0202 reports them) and so are {@code builtin://} references, which use the
     * workload's own Istio certificate. Unmodifiable. Five credential rules read it (one twice): where it fits easily
     * in the heap ({@link RuleContext#keepsForTheRun}, at about 2 KB a Gateway) it is collected once and kept for the
     * run (collecting it per rule was 0.18 s of CPU at 10,000 Gateways), else collected for each.
     */
    static List<CredentialUse> all(RuleContext ctx) {
        if (RuleContext.keepsForTheRun(ctx.snapshot().gateways().size() * 2048L, Runtime.getRuntime().maxMemory())) {
            return ctx.shared(ALL, CredentialUse::collect);
        }
        return collect(ctx);
    }

    private static List<CredentialUse> collect(RuleContext ctx) {
        List<CredentialUse> out = new ArrayList<>();
        for (Gateway g : ctx.snapshot().gateways()) {
            List<GatewayProxy> workloads = null;
            for (Server s : g.servers()) {
                ServerTls tls = s.tls();
                if (tls == null || tls.allCredentialNames().isEmpty()) {
                    continue;
                }
                if (workloads == null) {
                    workloads = ctx.workloadsFor(g);
                }
                if (workloads.isEmpty()) {
                    break;
                }
                for (Map.Entry<String, String> e : pointers(s).entrySet()) {
                    addUses(ctx, g, s, e.getKey(), CredentialRef.parse(e.getValue()), workloads, out);
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * Calls {@code action} for every use whose Secret exists, with the Secret's TLS content (read once, when the
     * Secret was loaded).
     */
    static void forEachCredential(RuleContext ctx, BiConsumer<CredentialUse, TlsCredential> action) {
        for (CredentialUse u : all(ctx)) {
            if (u.secret() != null) {
                action.accept(u, u.secret().tls());
            }
        }
    }

    private static void addUses(RuleContext ctx, Gateway g, Server s, String pointer, CredentialRef ref,
                                List<GatewayProxy> workloads, List<CredentialUse> out) {
        if (ref.builtin()) {
            return;
        }
        if (ref.error() != null) {
            out.add(new CredentialUse(g, s, pointer, ref, null, workloads, null, null));
            return;
        }
        Map<String, List<GatewayProxy>> byNamespace = new TreeMap<>();
        for (GatewayProxy p : workloads) {
            byNamespace.computeIfAbsent(ref.namespaceFor(p.namespace()), k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<GatewayProxy>> e : byNamespace.entrySet()) {
            if (ctx.snapshot().coverage().gap(Kind.SECRET, e.getKey()) != null) {
                continue; // could not be read there (forbidden): the engine says once which checks were skipped
            }
            Secret secret = ctx.secret(e.getKey(), ref.name()).orElse(null);
            SecretProducer producer = secret != null ? null : ctx.producer(e.getKey(), ref.name()).orElse(null);
            out.add(new CredentialUse(g, s, pointer, ref, e.getKey(), List.copyOf(e.getValue()), secret, producer));
        }
    }

    /**
     * Why a content check skipped some credentials: {@code for Secrets produced by Certificate a/b (f.yaml:9),
     * ExternalSecret c/d (...): their content is not in the input}; null when no use is of a produced Secret.
     * {@code alsoChecked} keeps producers the caller did check (a Certificate's names for GW0104).
     */
    static String producedSkipReason(RuleContext ctx, java.util.function.Predicate<SecretProducer> alsoChecked) {
        java.util.Set<SecretProducer> producers = new java.util.LinkedHashSet<>();
        for (SecretProducer p : ctx.shared(PRODUCERS, CredentialUse::producers)) {
            if (!alsoChecked.test(p)) {
                producers.add(p);
            }
        }
        if (producers.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (SecretProducer p : producers) {
            names.add(p.describe());
        }
        return "for the Secret" + (producers.size() == 1 ? " " : "s ") + "that "
                + String.join(", ", names) + (producers.size() == 1 ? " produces" : " produce")
                + ": the certificate is not in the input";
    }

    private static final Object PRODUCERS = new Object();

    /**
     * The producers of the Secrets of every use, in order, each once: what four rules' skip notes are made of, found
     * once per run (the uses themselves are not kept: at 100,000 Gateways they are tens of MB).
     */
    private static List<SecretProducer> producers(RuleContext ctx) {
        java.util.Set<SecretProducer> producers = new java.util.LinkedHashSet<>();
        for (CredentialUse u : all(ctx)) {
            if (u.producer() != null) {
                producers.add(u.producer());
            }
        }
        return List.copyOf(producers);
    }

    /** The server's credential references by JSON pointer, in field order. */
    private static Map<String, String> pointers(Server s) {
        Map<String, String> out = new LinkedHashMap<>();
        ServerTls tls = s.tls();
        String base = s.pointer() + "/tls/";
        if (tls.credentialName() != null && !tls.credentialName().isEmpty()) {
            out.put(base + "credentialName", tls.credentialName());
        }
        for (int i = 0; i < tls.credentialNames().size(); i++) {
            out.put(base + "credentialNames/" + i, tls.credentialNames().get(i));
        }
        return out;
    }

    /** True when the server terminates TLS with this credential (SIMPLE, MUTUAL or OPTIONAL_MUTUAL). */
    boolean terminatesTls() {
        TlsMode m = server.tls().mode();
        return m == TlsMode.SIMPLE || m == TlsMode.MUTUAL || m == TlsMode.OPTIONAL_MUTUAL;
    }

    /** {@code Secret ns/name (credentialName "raw")}, how messages name the credential. */
    String describeSecret() {
        return "Secret " + namespace + "/" + ref.name() + " (" + field() + " \"" + ref.raw() + "\")";
    }

    /** {@code credentialName} or {@code credentialNames[1]}: the field as the user wrote it. */
    String field() {
        int i = pointer.lastIndexOf("/credentialNames/");
        return i < 0 ? "credentialName" : "credentialNames[" + pointer.substring(i + "/credentialNames/".length())
                + "]";
    }

    /** {@code workload istio-system/a} or {@code workloads istio-system/a, istio-system/b}. */
    String describeWorkloads() {
        StringBuilder sb = new StringBuilder(workloads.size() == 1 ? "gateway workload " : "gateway workloads ");
        for (int i = 0; i < workloads.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(workloads.get(i).namespace()).append('/').append(workloads.get(i).name());
        }
        return sb.toString();
    }
}
