package io.gwctl.validators.rules;

import io.gwctl.model.istio.RouteDestination;
import io.gwctl.model.istio.VirtualService;
import java.util.ArrayList;
import java.util.List;

/** The weighted destination lists of a VirtualService's http, tcp and tls rules, with their JSON pointers. */
final class VsRoutes {
    private VsRoutes() {
    }

    /** One rule's {@code route} list: {@code kind} is http, tcp or tls; {@code pointer} is {@code /spec/http/0}. */
    record RouteList(String kind, int index, List<RouteDestination> route) {
        String pointer() {
            return "/spec/" + kind + "/" + index;
        }

        /** {@code /spec/http/0/route/1}. */
        String pointer(int destination) {
            return pointer() + "/route/" + destination;
        }

        /** {@code http[0]}. */
        String label() {
            return kind + "[" + index + "]";
        }
    }

    static List<RouteList> of(VirtualService vs) {
        List<RouteList> out = new ArrayList<>();
        for (int i = 0; i < vs.http().size(); i++) {
            out.add(new RouteList("http", i, vs.http().get(i).route()));
        }
        for (int i = 0; i < vs.tcp().size(); i++) {
            out.add(new RouteList("tcp", i, vs.tcp().get(i).route()));
        }
        for (int i = 0; i < vs.tls().size(); i++) {
            out.add(new RouteList("tls", i, vs.tls().get(i).route()));
        }
        return out;
    }
}
