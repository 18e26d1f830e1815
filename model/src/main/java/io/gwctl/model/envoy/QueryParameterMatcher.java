package io.gwctl.model.envoy;

/** One {@code route.match.query_parameters[]} entry: the parameter name and how its value is compared. */
public record QueryParameterMatcher(String name, ValueMatcher value) {
}
