/**
 * Which way one request goes through a gateway's Envoy configuration (listeners and route configurations from the
 * translator or a config dump): listener, filter chain, route configuration, virtual host, route and outcome, with
 * Envoy's matching rules. Pure: no printing, no process state.
 */
package io.gwctl.model.trace;
