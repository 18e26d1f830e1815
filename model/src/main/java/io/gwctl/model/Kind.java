package io.gwctl.model;

/** The resource kinds gwctl reads; every other kind is skipped by the loader (and counted with -v). */
public enum Kind {
    GATEWAY("Gateway", "networking.istio.io"),
    VIRTUAL_SERVICE("VirtualService", "networking.istio.io"),
    DESTINATION_RULE("DestinationRule", "networking.istio.io"),
    /** Hosts outside the Kubernetes Services that the mesh's service registry holds. */
    SERVICE_ENTRY("ServiceEntry", "networking.istio.io"),
    SERVICE("Service", ""),
    POD("Pod", ""),
    DEPLOYMENT("Deployment", "apps"),
    SECRET("Secret", ""),
    NAMESPACE("Namespace", ""),
    /** An Istio install ({@code install.istio.io}): read for the gateways it installs. */
    ISTIO_OPERATOR("IstioOperator", "install.istio.io"),
    /** A cert-manager Certificate: read as the TLS Secret it produces. */
    CERTIFICATE("Certificate", "cert-manager.io"),
    /** An External Secrets Operator ExternalSecret: read as the Secret it produces. */
    EXTERNAL_SECRET("ExternalSecret", "external-secrets.io"),
    /** A Bitnami SealedSecret: read as the Secret it produces. */
    SEALED_SECRET("SealedSecret", "bitnami.com");

    private final String kindName;
    private final String group;

    Kind(String kindName, String group) {
        this.kindName = kindName;
        this.group = group;
    }

    /** The Kubernetes {@code kind} string, e.g. {@code VirtualService}. */
    public String kindName() {
        return kindName;
    }

    /** The API group ({@code ""} for the core group). */
    public String group() {
        return group;
    }

    /** The kind for a {@code kind} string, or null when gwctl does not read it. */
    public static Kind fromKindName(String kind) {
        for (Kind k : values()) {
            if (k.kindName.equals(kind)) {
                return k;
            }
        }
        return null;
    }
}
