package io.gwctl.cli.kube;

/** A kubeconfig that exists but cannot be used: unreadable, not YAML, or naming a context it does not define. */
public final class KubeconfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public KubeconfigException(String message) {
        super(message);
    }
}
