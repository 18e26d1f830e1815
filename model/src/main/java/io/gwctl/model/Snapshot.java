package io.gwctl.model;

import io.gwctl.model.istio.DestinationRule;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.ServiceEntry;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.model.install.IstioOperator;
import io.gwctl.model.secret.SecretProducer;
import io.gwctl.model.kube.Deployment;
import io.gwctl.model.kube.Namespace;
import io.gwctl.model.kube.Pod;
import io.gwctl.model.kube.Secret;
import io.gwctl.model.kube.Service;
import io.gwctl.model.kube.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything loaded, once, from files or a cluster: resources by kind, each list in input order (files in the
 * order named, directories walked in sorted path order, documents in file order), and what the source could and
 * could not see ({@link Coverage}). Read by everyone, changed by none. {@code gatewayApiGateways} names the Gateway
 * API ({@code gateway.networking.k8s.io}) Gateways of the input: gwctl neither reads nor translates them, but a
 * VirtualService may be bound to one, as istiod binds it.
 */
public record Snapshot(List<Gateway> gateways, List<VirtualService> virtualServices,
                       List<DestinationRule> destinationRules, List<Service> services, List<Pod> pods,
                       List<Deployment> deployments, List<Secret> secrets, List<Namespace> namespaces,
                       Coverage coverage, List<IstioOperator> istioOperators,
                       List<SecretProducer> secretProducers, List<ServiceEntry> serviceEntries,
                       List<ResourceRef> gatewayApiGateways) {
    public Snapshot {
        gatewayApiGateways = gatewayApiGateways == null ? List.of() : List.copyOf(gatewayApiGateways);
        coverage = coverage == null ? Coverage.FILES : coverage;
        istioOperators = istioOperators == null ? List.of() : List.copyOf(istioOperators);
        secretProducers = secretProducers == null ? List.of() : List.copyOf(secretProducers);
        serviceEntries = serviceEntries == null ? List.of() : List.copyOf(serviceEntries);
        gateways = List.copyOf(gateways);
        virtualServices = List.copyOf(virtualServices);
        destinationRules = List.copyOf(destinationRules);
        services = List.copyOf(services);
        pods = List.copyOf(pods);
        deployments = List.copyOf(deployments);
        secrets = List.copyOf(secrets);
        namespaces = List.copyOf(namespaces);
    }

    /** A snapshot without Gateway API Gateways. */
    public Snapshot(List<Gateway> gateways, List<VirtualService> virtualServices,
                    List<DestinationRule> destinationRules, List<Service> services, List<Pod> pods,
                    List<Deployment> deployments, List<Secret> secrets, List<Namespace> namespaces,
                    Coverage coverage, List<IstioOperator> istioOperators, List<SecretProducer> secretProducers,
                    List<ServiceEntry> serviceEntries) {
        this(gateways, virtualServices, destinationRules, services, pods, deployments, secrets, namespaces, coverage,
                istioOperators, secretProducers, serviceEntries, List.of());
    }

    /** A snapshot without ServiceEntries and Gateway API Gateways. */
    public Snapshot(List<Gateway> gateways, List<VirtualService> virtualServices,
                    List<DestinationRule> destinationRules, List<Service> services, List<Pod> pods,
                    List<Deployment> deployments, List<Secret> secrets, List<Namespace> namespaces,
                    Coverage coverage, List<IstioOperator> istioOperators, List<SecretProducer> secretProducers) {
        this(gateways, virtualServices, destinationRules, services, pods, deployments, secrets, namespaces, coverage,
                istioOperators, secretProducers, List.of(), List.of());
    }

    /** A snapshot without IstioOperators, Secret producers, ServiceEntries and Gateway API Gateways. */
    public Snapshot(List<Gateway> gateways, List<VirtualService> virtualServices,
                    List<DestinationRule> destinationRules, List<Service> services, List<Pod> pods,
                    List<Deployment> deployments, List<Secret> secrets, List<Namespace> namespaces,
                    Coverage coverage) {
        this(gateways, virtualServices, destinationRules, services, pods, deployments, secrets, namespaces, coverage,
                List.of(), List.of(), List.of(), List.of());
    }

    public static Snapshot empty() {
        return builder().build();
    }

    /** Pods then Deployments: everything that runs pods with labels. */
    public List<Workload> workloads() {
        List<Workload> all = new ArrayList<>(pods.size() + deployments.size());
        all.addAll(pods);
        all.addAll(deployments);
        return all;
    }

    /** Every resource, in kind order then input order. */
    public List<Resource> all() {
        List<Resource> all = new ArrayList<>();
        all.addAll(gateways);
        all.addAll(virtualServices);
        all.addAll(destinationRules);
        all.addAll(serviceEntries);
        all.addAll(services);
        all.addAll(pods);
        all.addAll(deployments);
        all.addAll(secrets);
        all.addAll(namespaces);
        all.addAll(istioOperators);
        all.addAll(secretProducers);
        return all;
    }

    public int size() {
        return gateways.size() + virtualServices.size() + destinationRules.size() + services.size() + pods.size()
                + deployments.size() + secrets.size() + namespaces.size() + istioOperators.size()
                + secretProducers.size() + serviceEntries.size();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects resources in input order. */
    public static final class Builder {
        private final List<Gateway> gateways = new ArrayList<>();
        private final List<VirtualService> virtualServices = new ArrayList<>();
        private final List<DestinationRule> destinationRules = new ArrayList<>();
        private final List<Service> services = new ArrayList<>();
        private final List<Pod> pods = new ArrayList<>();
        private final List<Deployment> deployments = new ArrayList<>();
        private final List<Secret> secrets = new ArrayList<>();
        private final List<Namespace> namespaces = new ArrayList<>();
        private final List<IstioOperator> istioOperators = new ArrayList<>();
        private final List<SecretProducer> secretProducers = new ArrayList<>();
        private final List<ServiceEntry> serviceEntries = new ArrayList<>();
        private final List<ResourceRef> gatewayApiGateways = new ArrayList<>();
        private Coverage coverage = Coverage.FILES;

        public Builder add(Resource r) {
            switch (r.kind()) {
                case GATEWAY -> gateways.add((Gateway) r);
                case VIRTUAL_SERVICE -> virtualServices.add((VirtualService) r);
                case DESTINATION_RULE -> destinationRules.add((DestinationRule) r);
                case SERVICE_ENTRY -> serviceEntries.add((ServiceEntry) r);
                case SERVICE -> services.add((Service) r);
                case POD -> pods.add((Pod) r);
                case DEPLOYMENT -> deployments.add((Deployment) r);
                case SECRET -> secrets.add((Secret) r);
                case NAMESPACE -> namespaces.add((Namespace) r);
                case ISTIO_OPERATOR -> istioOperators.add((IstioOperator) r);
                case CERTIFICATE, EXTERNAL_SECRET, SEALED_SECRET -> secretProducers.add((SecretProducer) r);
                default -> throw new IllegalArgumentException("unknown kind " + r.kind());
            }
            return this;
        }

        public Builder addAll(Iterable<? extends Resource> rs) {
            for (Resource r : rs) {
                add(r);
            }
            return this;
        }

        /** Notes a Gateway API Gateway of the input (not translated; see {@link Snapshot#gatewayApiGateways}). */
        public Builder gatewayApiGateway(ResourceRef ref) {
            gatewayApiGateways.add(ref);
            return this;
        }

        /** What the source could see; {@link Coverage#FILES} unless set. */
        public Builder coverage(Coverage c) {
            coverage = c;
            return this;
        }

        public Snapshot build() {
            return new Snapshot(gateways, virtualServices, destinationRules, services, pods, deployments, secrets,
                    namespaces, coverage, istioOperators, secretProducers, serviceEntries, gatewayApiGateways);
        }
    }
}
