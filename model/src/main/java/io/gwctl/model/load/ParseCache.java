package io.gwctl.model.load;

import io.gwctl.model.Origin;
import io.gwctl.model.Resource;
import io.gwctl.model.istio.DestinationRule;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.ServiceEntry;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.model.kube.Deployment;
import io.gwctl.model.kube.Namespace;
import io.gwctl.model.kube.Pod;
import io.gwctl.model.kube.Secret;
import io.gwctl.model.kube.Service;
import io.gwctl.model.secret.SecretProducer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Files with the same bytes parsed once across the loads that share this cache: {@code gwctl diff BASE HEAD} of two
 * checkouts of a repository, where all files but the changed ones are the same. A file's outcome is kept under the
 * SHA-256 of its bytes together with everything else its reading depends on (its base name, which marks a
 * kustomization file; JSON or YAML; the default namespace); a later file with the same key gets the same records,
 * renamed to its own path ({@link Origin#file()} and the problems' file), sharing everything else: fields, source
 * maps, pointers. The records are immutable, so sharing them is safe. Semantics are untouched: the outcome is the one
 * parsing the file would give, under its own name.
 *
 * <p>Outcomes holding an IstioOperator or a Deployment with installed gateway components (origins nested inside)
 * are not kept; those files are parsed each time. Thread-safe: the loader reads files on two threads.
 */
public final class ParseCache {
    private final Map<String, FileOutcome> outcomes = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();

    /** How many files were given an outcome from the cache instead of being parsed. */
    public int hits() {
        return hits.get();
    }

    /** The outcome of the file {@code name} with {@code bytes}: from the cache, renamed, or from {@code parse}. */
    FileOutcome outcome(String name, byte[] bytes, boolean json, String defaultNamespace,
                        Supplier<FileOutcome> parse) {
        String key = key(name, bytes, json, defaultNamespace);
        FileOutcome kept = outcomes.get(key);
        if (kept != null) {
            hits.incrementAndGet();
            return renamed(kept, name);
        }
        FileOutcome parsed = parse.get();
        if (shareable(parsed)) {
            outcomes.putIfAbsent(key, parsed);
        }
        return parsed;
    }

    private static String key(String name, byte[] bytes, boolean json, String defaultNamespace) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        String base = name.substring(name.lastIndexOf('/') + 1);
        sha.update(bytes);
        return HexFormat.of().formatHex(sha.digest()) + (json ? " json " : " yaml ") + defaultNamespace + " " + base;
    }

    private static boolean shareable(FileOutcome o) {
        for (Resource r : o.resources()) {
            if (r instanceof Deployment d && d.installed() != null || renamed(r, "") == null) {
                return false;
            }
        }
        return o.read();
    }

    private static FileOutcome renamed(FileOutcome o, String file) {
        List<Resource> resources = new ArrayList<>(o.resources().size());
        for (Resource r : o.resources()) {
            resources.add(r.origin().file().equals(file) ? r : renamed(r, file));
        }
        List<LoadProblem> problems = new ArrayList<>(o.problems().size());
        for (LoadProblem p : o.problems()) {
            problems.add(new LoadProblem(p.type(), file, p.line(), p.column(), p.message(), p.cause(), p.resource()));
        }
        return new FileOutcome(resources, problems, o.documents(), o.skippedKinds(), o.read(), o.gatewayApiGateways());
    }

    /**
     * The record with its origin in {@code file}, every other component the same object; null for a kind with origins
     * nested inside (IstioOperator) or unknown here.
     */
    private static Resource renamed(Resource r, String file) {
        Origin o = new Origin(file, r.origin().document(), r.origin().line(), r.origin().column());
        if (r instanceof Gateway g) {
            return new Gateway(g.metadata(), o, g.source(), g.selector(), g.servers());
        } else if (r instanceof VirtualService v) {
            return new VirtualService(v.metadata(), o, v.source(), v.hosts(), v.gateways(), v.http(), v.tcp(),
                    v.tls(), v.exportTo());
        } else if (r instanceof DestinationRule d) {
            return new DestinationRule(d.metadata(), o, d.source(), d.host(), d.subsets(), d.exportTo(),
                    d.workloadSelector(), d.trafficPolicy());
        } else if (r instanceof ServiceEntry e) {
            return new ServiceEntry(e.metadata(), o, e.source(), e.hosts(), e.ports(), e.exportTo(), e.location(),
                    e.resolution(), e.workloadSelector());
        } else if (r instanceof Service s) {
            return new Service(s.metadata(), o, s.source(), s.type(), s.selector(), s.ports());
        } else if (r instanceof Pod p) {
            return new Pod(p.metadata(), o, p.source(), p.containers());
        } else if (r instanceof Deployment d) {
            return new Deployment(d.metadata(), o, d.source(), d.templateLabels(), d.containers(), d.podSelector(),
                    d.installed());
        } else if (r instanceof Secret s) {
            return new Secret(s.metadata(), o, s.source(), s.type(), s.keys(), s.tls());
        } else if (r instanceof Namespace n) {
            return new Namespace(n.metadata(), o, n.source());
        } else if (r instanceof SecretProducer p) {
            return new SecretProducer(p.kind(), p.metadata(), o, p.source(), p.secretName(), p.namePointer(),
                    p.dnsNames());
        }
        return null;
    }
}
