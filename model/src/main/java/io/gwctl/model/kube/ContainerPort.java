package io.gwctl.model.kube;

/** A container port; {@code protocol} defaults to TCP. */
public record ContainerPort(String name, int containerPort, String protocol) {
}
