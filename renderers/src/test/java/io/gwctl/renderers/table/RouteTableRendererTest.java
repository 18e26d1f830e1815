package io.gwctl.renderers.table;

import static io.gwctl.renderers.table.IstioctlPrinterGoldenTest.routes;
import static io.gwctl.renderers.table.TextAssert.assertSameText;
import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.envoy.Route;
import io.gwctl.model.envoy.RouteConfiguration;
import io.gwctl.model.envoy.RouteMatch;
import io.gwctl.model.envoy.VirtualHost;
import org.junit.jupiter.api.Test;

import java.util.List;

class RouteTableRendererTest {

    private static RouteConfiguration named(String name) {
        return new RouteConfiguration(name, List.of());
    }

    /**
     * Go's sort.Slice with istioctl's Atoi less function: only two integer names compare, so a non-integer name
     * stops the insertion sort's shifting (spec §3.1).
     */
    @Test
    void integerNamesSortOnlyAgainstIntegerNeighbours() {
        List<RouteConfiguration> sorted = RouteTableRenderer.sortedLikeIstioctl(
                List.of(named("8080"), named("http.80"), named("443"), named("80")));
        assertThat(sorted).extracting(RouteConfiguration::name).containsExactly("8080", "http.80", "80", "443");
        assertThat(RouteTableRenderer.sortedLikeIstioctl(List.of(named("9090"), named("+80"), named("15010"))))
                .extracting(RouteConfiguration::name).containsExactly("+80", "9090", "15010");
    }

    @Test
    void atoiAcceptsWhatGoAccepts() {
        assertThat(RouteTableRenderer.atoi("80")).isEqualTo(80L);
        assertThat(RouteTableRenderer.atoi("+80")).isEqualTo(80L);
        assertThat(RouteTableRenderer.atoi("-1")).isEqualTo(-1L);
        assertThat(RouteTableRenderer.atoi("007")).isEqualTo(7L);
        assertThat(RouteTableRenderer.atoi("")).isNull();
        assertThat(RouteTableRenderer.atoi(" 80")).isNull();
        assertThat(RouteTableRenderer.atoi("80a")).isNull();
        assertThat(RouteTableRenderer.atoi("9223372036854775808")).isNull();
        assertThat(RouteTableRenderer.atoi("٣")).isNull();
    }

    @Test
    void passthroughRoutesAreHiddenAndDomainsAndManagementAreSummarised() {
        RouteConfiguration rc = new RouteConfiguration("80", List.of(
                new VirtualHost("reviews.default.svc.cluster.local:80", List.of("reviews.default.svc.cluster.local",
                        "reviews", "reviews.default.svc", "reviews.default", "10.0.0.1", "10.0.0.1:80",
                        "[fd00:10::1]", "[fd00:10::1]:80", "[fd00::2]"), List.of(
                        new Route(RouteMatch.prefix("/"), Route.Action.CLUSTER, "outbound|80||reviews",
                                "/apis/networking.istio.io/v1/namespaces/default/virtual-service/reviews/extra"),
                        new Route(RouteMatch.prefix("/p"), Route.Action.CLUSTER, "PassthroughCluster", null),
                        new Route(new RouteMatch("", null, null, null, true, false), Route.Action.CLUSTER, "x",
                                "/apis/other/v1/x")), false),
                new VirtualHost("allow_any", List.of("*"), List.of(
                        new Route(RouteMatch.prefix("/"), Route.Action.CLUSTER, "PassthroughCluster", null)), false)));
        // Ports are hidden (a bracketed IPv6 literal needs more than two ':' to count as one), then
        // reviews.default.svc.cluster.local and reviews.default.svc go because reviews.default is present: four
        // domains remain. An 8-piece config path is required, so the 9-piece one gives "".
        assertSameText("""
                NAME     VHOST NAME                               DOMAINS                                  MATCH     VIRTUAL SERVICE
                80       reviews.default.svc.cluster.local:80     reviews, reviews.default + 2 more...     /*       \s
                80       reviews.default.svc.cluster.local:80     reviews, reviews.default + 2 more...               <unknown>
                """, routes(List.of(rc), RouteFilter.ALL, true, false));
    }
}
