package io.gwctl.validators.rules;

import io.gwctl.model.Coverage;
import io.gwctl.model.Kind;
import io.gwctl.model.NamespacedName;
import io.gwctl.model.Resource;
import io.gwctl.model.Snapshot;
import io.gwctl.model.istio.Destination;
import io.gwctl.model.istio.DestinationRule;
import io.gwctl.model.istio.HttpRoute;
import io.gwctl.model.istio.RouteDestination;
import io.gwctl.model.istio.ServiceEntry;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.model.kube.Service;
import io.gwctl.model.kube.ServicePort;
import io.gwctl.model.kube.Workload;
import io.gwctl.model.translate.Hosts;
import io.gwctl.validators.RuleContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mesh's service registry as far as the input shows it (lint catalogue §2.2 DestinationHostAnalyzer): every
 * Kubernetes Service as the host {@code <name>.<ns>.svc.cluster.local} with its ports, and every ServiceEntry host
 * (wildcards included), each with its visibility ({@code networking.istio.io/exportTo} annotation or
 * {@code exportTo}). Also indexes DestinationRules by host and workloads by namespace and label, and resolves every
 * VirtualService destination once per run. Every lookup is a hash lookup or a walk over the labels of one host name;
 * nothing compares all pairs.
 *
 * <p>What the input cannot know is kept apart from what is missing. Files often hold only part of the Services a
 * configuration routes to, so a cluster-domain host is "not found" only when the source listed Services completely (a
 * cluster) or when there is a sign of a mistake: a Service of that name in another namespace, or a Service of that
 * namespace one typo away. An external host is "not found" only when the input holds ServiceEntries. Anything else
 * is {@link Outcome#UNKNOWN}, and the rules say it was skipped.
 */
public final class MeshRegistry {
    /** The Kubernetes cluster domain suffix of Service hosts. */
    static final String CLUSTER_SUFFIX = ".svc." + Hosts.DEFAULT_DOMAIN;
    private static final String EXPORT_TO_ANNOTATION = "networking.istio.io/exportTo";

    /** What looking a destination host up in the registry gave. */
    public enum Outcome {
        /** A visible registry entry has the host. */
        FOUND,
        /** The host exists but is not exported to the namespaces looking it up. */
        NOT_EXPORTED,
        /** The input holds what would declare the host, and nothing does. */
        NOT_FOUND,
        /** The host names a Service of the input in a form istiod does not resolve ({@code name.ns}). */
        NOT_FQDN,
        /** The input cannot say: the Services of that namespace, or the ServiceEntries, are not in it. */
        UNKNOWN
    }

    /**
     * A host of the registry: the Service or ServiceEntry declaring it, its port numbers (in order), the namespaces it
     * is exported to as written (empty: everywhere) and the labels of the pods behind it (null: none known).
     */
    public record Entry(Resource resource, String host, List<Integer> ports, List<String> exportTo,
                        Map<String, String> selector) {
        /** True when Istio's exportTo lets namespace {@code ns} see this entry ({@code *} or empty: everyone). */
        boolean visibleTo(String ns) {
            if (exportTo.isEmpty() || exportTo.contains("*")) {
                return true;
            }
            return exportTo.contains(ns) || exportTo.contains(".") && resource.metadata().namespace().equals(ns);
        }

        boolean exportedToAll() {
            return exportTo.isEmpty() || exportTo.contains("*");
        }

        /** {@code Service default/reviews} or {@code ServiceEntry default/external}. */
        String describe() {
            return resource.ref().friendlyName();
        }
    }

    /** The result of a lookup: the outcome, the host resolved to an FQDN, the entry (FOUND, NOT_EXPORTED, NOT_FQDN). */
    public record Lookup(Outcome outcome, String fqdn, Entry entry, String why) {
    }

    /**
     * One destination of a VirtualService route or mirror: where it is ({@code /spec/SECTION/ROUTE/route/INDEX}, or
     * {@code .../mirror} when {@code index} is -1), and how its host resolved. The pointer is built when asked for:
     * one string per destination was 13 MB at 10,000 Gateways, and few destinations are ever reported.
     */
    public record DestinationUse(VirtualService vs, Destination destination, String section, int route, int index,
                                 Lookup lookup) {
        /** True for a route's {@code mirror}. */
        public boolean mirror() {
            return index < 0;
        }

        /** The pointer of the {@code destination} object, or of the route entry when it has none. */
        public String pointer() {
            String at = "/spec/" + section + "/" + route;
            return mirror() ? at + "/mirror" : at + "/route/" + index + (destination == null ? "" : "/destination");
        }

        String host() {
            return destination == null || destination.host() == null ? "" : destination.host();
        }
    }

    private final Snapshot snapshot;
    /** Wildcard ServiceEntry hosts by what follows the {@code *} ({@code .eu.example.com}; {@code ""} for {@code *}). */
    private final Map<String, List<Entry>> wildcards = new HashMap<>();
    /** Entries by host, in input order (the first is the one {@link #entry} gives). */
    private final CompactMultimap<String, Entry> exactEntries = new CompactMultimap<>();
    private final Map<NamespacedName, Service> servicesByKey = new HashMap<>();
    private final Set<String> serviceNamespaces = new HashSet<>();
    /** Service name to the namespaces that have a Service of that name. */
    private final CompactMultimap<String, String> namespacesByServiceName = new CompactMultimap<>();
    /**
     * {@code ns/variant} to the name (a String) or names (a sorted Set) of that namespace's Services one deletion
     * away from it (or equal). Built on the first Service not found, since only that needs it: it has an entry per
     * character of every Service name (about 30 MB at N=10,000 as one TreeSet each).
     */
    private Map<String, Object> nearServiceNames;
    private final CompactMultimap<String, DestinationRule> rulesByHost = new CompactMultimap<>();
    private final Map<String, List<DestinationRule>> wildcardRules = new HashMap<>();
    private final Map<String, List<Workload>> workloadsByLabel = new HashMap<>();
    private final Set<String> workloadNamespaces = new HashSet<>();
    /**
     * The lookups of the destinations' hosts, made once per run: by the namespace and exportTo of the VirtualService
     * (found once per VirtualService), then by host. A key of all three, made and compared per destination, was most
     * of the time of the six rules' passes over the destinations (stop 22).
     */
    private final Map<ScopeKey, Map<String, Lookup>> destinationLookups = new ConcurrentHashMap<>();
    /** Whether {@link #destinations} are made once and kept ({@link RuleContext#keepsForTheRun}). */
    private final boolean keepDestinations;
    private List<DestinationUse> keptDestinations;

    private MeshRegistry(Snapshot snapshot) {
        this.snapshot = snapshot;
        // About 2 KB a VirtualService (some ten destinations of 40 bytes, with room to spare): with -Xmx512m up to
        // 32,768 VirtualServices (N=10,000 of the benchmark has 20,000; N=30,000, which must fit there, 60,000).
        this.keepDestinations = RuleContext.keepsForTheRun(snapshot.virtualServices().size() * 2048L,
                Runtime.getRuntime().maxMemory());
        for (Service s : snapshot.services()) {
            String ns = s.metadata().namespace();
            serviceNamespaces.add(ns);
            servicesByKey.putIfAbsent(new NamespacedName(ns, s.metadata().name()), s);
            namespacesByServiceName.add(s.metadata().name(), ns);
            List<Integer> ports = new ArrayList<>();
            for (ServicePort p : s.ports()) {
                ports.add(p.port());
            }
            add(new Entry(s, s.metadata().name() + "." + ns + CLUSTER_SUFFIX, shared(ports), serviceExportTo(s),
                    s.selector().isEmpty() ? null : s.selector()));
        }
        for (ServiceEntry se : snapshot.serviceEntries()) {
            List<Integer> ports = new ArrayList<>();
            for (ServiceEntry.Port p : se.ports()) {
                ports.add(p.number());
            }
            ports = shared(ports);
            for (String h : se.hosts()) {
                add(new Entry(se, h, ports, se.exportTo(), se.workloadSelector()));
            }
        }
        for (DestinationRule dr : snapshot.destinationRules()) {
            String h = dr.host() == null ? "" : dr.host();
            if (h.startsWith("*")) {
                wildcardRules.computeIfAbsent(h.substring(1), k -> new ArrayList<>()).add(dr);
            } else {
                rulesByHost.add(Hosts.resolveShortnameToFqdn(h, dr.metadata().namespace()), dr);
            }
        }
        for (Workload w : snapshot.workloads()) {
            String ns = w.metadata().namespace();
            workloadNamespaces.add(ns);
            for (Map.Entry<String, String> l : w.podLabels().entrySet()) {
                workloadsByLabel.computeIfAbsent(ns + "/" + l.getKey() + "=" + l.getValue(), k -> new ArrayList<>())
                        .add(w);
            }
        }
    }

    /** The registry of one snapshot; {@link io.gwctl.validators.RuleContext#registry()} keeps one per run. */
    public static MeshRegistry of(Snapshot snapshot) {
        return new MeshRegistry(snapshot);
    }

    private void add(Entry e) {
        if (e.host().startsWith("*")) {
            wildcards.computeIfAbsent(e.host().substring(1), k -> new ArrayList<>()).add(e);
        }
        exactEntries.add(e.host(), e);
    }

    /** One list for equal port lists: Services of one kind repeat theirs (a list per Service was 10 MB at N=100,000). */
    private final Map<List<Integer>, List<Integer>> portLists = new HashMap<>();

    private List<Integer> shared(List<Integer> ports) {
        List<Integer> copy = List.copyOf(ports);
        List<Integer> known = portLists.putIfAbsent(copy, copy);
        return known == null ? copy : known;
    }

    /** The Service annotation's comma-separated namespaces; empty (everywhere) when absent. */
    private static List<String> serviceExportTo(Service s) {
        String v = s.metadata().annotations().get(EXPORT_TO_ANNOTATION);
        if (v == null || v.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : v.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /**
     * Looks {@code host} up as a destination written in namespace {@code namespace} by a resource exported to
     * {@code scopes} (a VirtualService's {@code exportTo}; empty: its own namespace), as Istio's
     * {@code GetDestinationHost} does: short names are completed in {@code namespace}; an entry exported to every
     * namespace or to one of the scopes counts; wildcard ServiceEntry hosts match by suffix.
     */
    public Lookup lookup(String host, String namespace, List<String> scopes) {
        String fqdn = Hosts.resolveShortnameToFqdn(host, namespace);
        List<String> from = new ArrayList<>();
        for (String s : scopes.isEmpty() ? List.of(".") : scopes) {
            from.add(s.equals(".") ? namespace : s);
        }
        List<Entry> exact = exactEntries.get(fqdn);
        List<Entry> candidates = new ArrayList<>(exact);
        forEachSuffix(fqdn, wildcards, candidates::addAll);
        for (Entry e : candidates) {
            if (e.exportedToAll() || from.stream().anyMatch(s -> !s.equals("*") && e.visibleTo(s))) {
                return new Lookup(Outcome.FOUND, fqdn, e, null);
            }
        }
        // Only an entry with exactly this host is worth naming; a hidden wildcard entry says nothing about it.
        return exact.isEmpty() ? notFound(fqdn) : new Lookup(Outcome.NOT_EXPORTED, fqdn, exact.get(0), null);
    }

    private Lookup notFound(String fqdn) {
        if (fqdn.isEmpty()) {
            return new Lookup(Outcome.NOT_FOUND, fqdn, null, null);
        }
        if (fqdn.endsWith(CLUSTER_SUFFIX)) {
            String ns = namespaceOf(fqdn);
            if (ns == null || servicesComplete(ns)) {
                return new Lookup(Outcome.NOT_FOUND, fqdn, null, null);
            }
            String name = fqdn.substring(0, fqdn.length() - CLUSTER_SUFFIX.length() - ns.length() - 1);
            String evidence = evidence(name, ns);
            if (evidence != null) {
                return new Lookup(Outcome.NOT_FOUND, fqdn, null, evidence);
            }
            // Files often hold only part of a namespace's Services: without a sign of a mistake, nothing is claimed.
            return new Lookup(Outcome.UNKNOWN, fqdn, null, serviceNamespaces.contains(ns)
                    ? "no such Service in the input" : "no Services of namespace " + ns + " in the input");
        }
        Service named = dottedServiceName(fqdn);
        if (named != null) {
            return new Lookup(Outcome.NOT_FQDN, fqdn, exactEntries.first(named.metadata().name() + "."
                    + named.metadata().namespace() + CLUSTER_SUFFIX), null);
        }
        if (snapshot.serviceEntries().isEmpty() && !snapshot.coverage().isComplete(Kind.SERVICE_ENTRY)) {
            return new Lookup(Outcome.UNKNOWN, fqdn, null, "no ServiceEntries in the input");
        }
        return new Lookup(Outcome.NOT_FOUND, fqdn, null, null);
    }

    /**
     * What makes a Service missing from files a mistake rather than a file left out: a Service of that name in
     * another namespace, or one of this namespace one typo away; null when there is no such sign.
     */
    private String evidence(String name, String ns) {
        List<String> found = namespacesByServiceName.get(name);
        if (!found.isEmpty()) {
            Set<String> elsewhere = new TreeSet<>(found);
            return "a Service " + name + " exists in namespace" + (elsewhere.size() == 1 ? " " : "s ")
                    + String.join(", ", elsewhere);
        }
        Map<String, Object> index = nearServiceNames();
        Set<String> near = new TreeSet<>();
        for (String v : deletions(name)) {
            Object names = index.get(ns + "/" + v);
            if (names instanceof String one) {
                near.add(one);
            } else if (names != null) {
                @SuppressWarnings("unchecked")
                Set<String> several = (Set<String>) names;
                near.addAll(several);
            }
        }
        return near.isEmpty() ? null : "namespace " + ns + " has Service" + (near.size() == 1 ? " " : "s ")
                + String.join(", ", near);
    }

    private synchronized Map<String, Object> nearServiceNames() {
        if (nearServiceNames == null) {
            Map<String, Object> index = new HashMap<>();
            for (Service s : snapshot.services()) {
                String name = s.metadata().name();
                for (String v : deletions(name)) {
                    index.merge(s.metadata().namespace() + "/" + v, name, MeshRegistry::union);
                }
            }
            nearServiceNames = index;
        }
        return nearServiceNames;
    }

    /** Two values of {@link #nearServiceNames}: a String or a sorted Set of names, as one. */
    @SuppressWarnings("unchecked")
    private static Object union(Object a, Object b) {
        if (a.equals(b)) {
            return a;
        }
        Set<String> out = a instanceof String one ? new TreeSet<>(Set.of(one)) : (Set<String>) a;
        out.add((String) b);
        return out;
    }

    /** The name and every string one character shorter: two names sharing one are at most one edit apart. */
    private static List<String> deletions(String name) {
        List<String> out = new ArrayList<>(name.length() + 1);
        out.add(name);
        for (int i = 0; i < name.length(); i++) {
            out.add(name.substring(0, i) + name.substring(i + 1));
        }
        return out;
    }

    /** True when the source listed the Services of {@code ns} completely (a cluster read). */
    private boolean servicesComplete(String ns) {
        Coverage c = snapshot.coverage();
        return c.isComplete(Kind.SERVICE) && c.gap(Kind.SERVICE, ns) == null;
    }

    /** The Service that {@code name.ns} or {@code name.ns.svc} names, or null. */
    private Service dottedServiceName(String host) {
        String h = host.endsWith(".svc") ? host.substring(0, host.length() - 4) : host;
        int dot = h.indexOf('.');
        if (dot <= 0 || h.indexOf('.', dot + 1) >= 0) {
            return null;
        }
        return servicesByKey.get(new NamespacedName(h.substring(dot + 1), h.substring(0, dot)));
    }

    /** The namespace of {@code name.ns.svc.cluster.local}, or null for another shape. */
    static String namespaceOf(String fqdn) {
        String head = fqdn.substring(0, fqdn.length() - CLUSTER_SUFFIX.length());
        int dot = head.lastIndexOf('.');
        return dot <= 0 ? null : head.substring(dot + 1);
    }

    /** True when the input holds workloads of namespace {@code ns}, or the source listed them completely. */
    boolean knowsWorkloadsOf(String ns) {
        Coverage c = snapshot.coverage();
        return workloadNamespaces.contains(ns) || (c.isComplete(Kind.POD) || c.isComplete(Kind.DEPLOYMENT))
                && c.gap(Kind.POD, ns) == null;
    }

    /**
     * Calls {@code f} with the entries of {@code bySuffix} under {@code ""} and under every suffix of {@code host} that
     * starts at a dot, in that order. Most inputs have no wildcard hosts: an empty index makes no substrings.
     */
    private static <V> void forEachSuffix(String host, Map<String, List<V>> bySuffix,
                                          java.util.function.Consumer<List<V>> f) {
        if (bySuffix.isEmpty()) {
            return;
        }
        f.accept(bySuffix.getOrDefault("", List.of()));
        for (int i = host.indexOf('.'); i >= 0; i = host.indexOf('.', i + 1)) {
            f.accept(bySuffix.getOrDefault(host.substring(i), List.of()));
        }
    }

    /**
     * The DestinationRules whose host covers {@code fqdn} (the DR's short host completed in its namespace, or a
     * wildcard host) and that namespace {@code ns} can see (the DR's exportTo), in input order.
     */
    List<DestinationRule> rulesFor(String fqdn, String ns) {
        List<DestinationRule> out = new ArrayList<>();
        for (DestinationRule dr : rulesByHost.get(fqdn)) {
            if (visible(dr, ns)) {
                out.add(dr);
            }
        }
        forEachSuffix(fqdn, wildcardRules, rules -> {
            for (DestinationRule dr : rules) {
                if (visible(dr, ns)) {
                    out.add(dr);
                }
            }
        });
        return out;
    }

    /** The DestinationRules of every namespace whose exact host is {@code fqdn}, in input order. */
    List<DestinationRule> rulesWithHost(String fqdn) {
        return rulesByHost.get(fqdn);
    }

    private static boolean visible(DestinationRule dr, String ns) {
        List<String> to = dr.exportTo();
        return to.isEmpty() || to.contains("*") || to.contains(ns)
                || to.contains(".") && dr.metadata().namespace().equals(ns);
    }

    /** The registry entry with exactly this host (a Service FQDN or a ServiceEntry host as written), or null. */
    Entry entry(String host) {
        return exactEntries.first(host);
    }

    /** The workloads of namespace {@code ns} whose pod labels include every label of {@code selector} (non-empty). */
    List<Workload> workloadsMatching(String ns, Map<String, String> selector) {
        List<Workload> smallest = null;
        for (Map.Entry<String, String> e : selector.entrySet()) {
            List<Workload> c = workloadsByLabel.getOrDefault(ns + "/" + e.getKey() + "=" + e.getValue(), List.of());
            if (smallest == null || c.size() < smallest.size()) {
                smallest = c;
            }
        }
        List<Workload> out = new ArrayList<>();
        for (Workload w : smallest == null ? List.<Workload>of() : smallest) {
            if (includes(w.podLabels(), selector)) {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean includes(Map<String, String> labels, Map<String, String> selector) {
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every route and mirror destination of every VirtualService, in input order. Six rules read them, seven times in
     * all: where they fit easily in the heap ({@link RuleContext#keepsForTheRun}) they are made once and kept (a pass
     * that makes them was 30 ms of CPU at 10,000 Gateways, one that reads a list 3 ms), else made as they are read
     * (kept, they were 1.8 million objects and 90 MB at 100,000 Gateways). Either way each host is looked up once per
     * run (a weighted split names one host per subset).
     */
    public Iterable<DestinationUse> destinations() {
        if (keepDestinations) {
            return keptDestinations();
        }
        return () -> new Iterator<>() {
            private final List<VirtualService> services = snapshot.virtualServices();
            private final List<DestinationUse> current = new ArrayList<>();
            private int service;
            private int next;

            @Override
            public boolean hasNext() {
                while (next == current.size()) {
                    if (service == services.size()) {
                        return false;
                    }
                    current.clear();
                    next = 0;
                    addAll(current, services.get(service++));
                }
                return true;
            }

            @Override
            public DestinationUse next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.get(next++);
            }
        };
    }

    /** The destinations, made by the first rule that asks (the others wait for it instead of making them too). */
    private synchronized List<DestinationUse> keptDestinations() {
        if (keptDestinations == null) {
            List<DestinationUse> all = new ArrayList<>();
            for (VirtualService vs : snapshot.virtualServices()) {
                addAll(all, vs);
            }
            keptDestinations = Collections.unmodifiableList(all);
        }
        return keptDestinations;
    }

    /** The destinations of one VirtualService, in order. */
    private void addAll(List<DestinationUse> out, VirtualService vs) {
        ScopeKey scope = new ScopeKey(vs.metadata().namespace(), vs.exportTo());
        Map<String, Lookup> lookups = destinationLookups.get(scope);
        if (lookups == null) {
            lookups = destinationLookups.computeIfAbsent(scope, k -> new ConcurrentHashMap<>());
        }
        for (int i = 0; i < vs.http().size(); i++) {
            HttpRoute r = vs.http().get(i);
            addRoute(out, vs, lookups, r.route(), "http", i);
            if (r.mirror() != null) {
                out.add(use(vs, lookups, r.mirror(), "http", i, -1));
            }
        }
        for (int i = 0; i < vs.tcp().size(); i++) {
            addRoute(out, vs, lookups, vs.tcp().get(i).route(), "tcp", i);
        }
        for (int i = 0; i < vs.tls().size(); i++) {
            addRoute(out, vs, lookups, vs.tls().get(i).route(), "tls", i);
        }
    }

    private void addRoute(List<DestinationUse> out, VirtualService vs, Map<String, Lookup> lookups,
                          List<RouteDestination> route, String section, int i) {
        for (int j = 0; j < route.size(); j++) {
            out.add(use(vs, lookups, route.get(j).destination(), section, i, j));
        }
    }

    private DestinationUse use(VirtualService vs, Map<String, Lookup> lookups, Destination d, String section,
                               int route, int index) {
        String host = d == null || d.host() == null ? "" : d.host();
        Lookup l = lookups.get(host);
        if (l == null) {
            l = lookups.computeIfAbsent(host, h -> lookup(h, vs.metadata().namespace(), vs.exportTo()));
        }
        return new DestinationUse(vs, d, section, route, index, l);
    }

    private record ScopeKey(String namespace, List<String> scopes) {
        // Written out: the generated equals and hashCode go through method handles, slow under the C1-only JIT of
        // small and medium runs.
        @Override
        public boolean equals(Object o) {
            return o instanceof ScopeKey k && Objects.equals(namespace, k.namespace) && Objects.equals(scopes,
                    k.scopes);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(namespace) + Objects.hashCode(scopes);
        }
    }

    /**
     * Why some destination hosts could not be checked, e.g. {@code for 2 destination hosts the input cannot resolve:
     * reviews.bookinfo.svc.cluster.local (no Services of namespace bookinfo in the input); httpbin.org (no
     * ServiceEntries in the input)}; null when every destination was looked up.
     */
    String skippedDestinations() {
        List<Lookup> lookups = new ArrayList<>();
        for (DestinationUse u : destinations()) {
            lookups.add(u.lookup());
        }
        return skipped(lookups, "destination host");
    }

    /** What {@link #skippedDestinations()} says, for any lookups and what their hosts are ({@code DestinationRule host}). */
    static String skipped(List<Lookup> lookups, String noun) {
        Map<String, String> whyByHost = new LinkedHashMap<>();
        for (Lookup l : lookups) {
            if (l.outcome() == Outcome.UNKNOWN) {
                whyByHost.putIfAbsent(l.fqdn(), l.why());
            }
        }
        if (whyByHost.isEmpty()) {
            return null;
        }
        Map<String, TreeSet<String>> hostsByWhy = new LinkedHashMap<>();
        whyByHost.forEach((h, why) -> hostsByWhy.computeIfAbsent(why, k -> new TreeSet<>()).add(h));
        StringJoiner j = new StringJoiner("; ", "for " + whyByHost.size() + " " + noun
                + (whyByHost.size() == 1 ? "" : "s") + " the input cannot resolve: ", "");
        // Reasons in the order of their first host, not of the input: the note is the same whatever the file order.
        hostsByWhy.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.comparing((TreeSet<String> hosts) -> hosts.first())))
                .forEach(e -> j.add(shortList(e.getValue()) + " (" + e.getKey() + ")"));
        return j.toString();
    }

    private static String shortList(Set<String> items) {
        StringJoiner j = new StringJoiner(", ");
        int n = 0;
        for (String s : items) {
            if (n++ == 3) {
                j.add("and " + (items.size() - 3) + " more");
                break;
            }
            j.add(s);
        }
        return j.toString();
    }
}
