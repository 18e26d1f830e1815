package io.gwctl.model.kube;

/**
 * A Service port with the API server's defaults applied: {@code protocol} defaults to TCP; {@code targetPort}
 * defaults to {@code port}. A named target port keeps {@code targetPortName} and has {@code targetPort} 0.
 * {@code appProtocol} is as written, null when absent.
 */
public record ServicePort(int index, String name, String protocol, int port, int targetPort, String targetPortName,
                          int nodePort, String appProtocol) {

    /** A port without {@code appProtocol}. */
    public ServicePort(int index, String name, String protocol, int port, int targetPort, String targetPortName,
                       int nodePort) {
        this(index, name, protocol, port, targetPort, targetPortName, nodePort, null);
    }

    /** True when the target port is given by name and must be resolved through container ports. */
    public boolean hasNamedTargetPort() {
        return targetPortName != null;
    }

    /** {@code 80→8080}, or {@code 80} when both numbers are equal, or {@code 80→http} when named. */
    public String describe() {
        if (targetPortName != null) {
            return port + "→" + targetPortName;
        }
        return targetPort == port ? Integer.toString(port) : port + "→" + targetPort;
    }
}
