package io.gwctl.model.finding;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.ResourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which findings a baseline covers: fingerprints that survive moved lines and renamed files, and multisets. */
class BaselineTest {
    private static final ResourceRef GW = new ResourceRef("Gateway", "shop", "gw");
    private static final String DUPLICATE = "TLS host shop.example.com on port 443 is also listed by Gateway web/gw";

    private static Finding at(String file, int line, String message) {
        return on(GW, file, line, message);
    }

    private static Finding on(ResourceRef r, String file, int line, String message) {
        return new Finding("GW0301", Severity.ERROR, List.of("IST0145"), r, new Location(file, line, 7,
                "/spec/servers/0/hosts/0"), message, "a hint");
    }

    private static List<Boolean> existing(Baseline baseline, List<Finding> current) {
        Baseline.Comparison c = baseline.compare(current);
        return current.stream().map(c::isExisting).toList();
    }

    @Test
    void aFindingWhoseLineMovedIsExisting() {
        Baseline b = new Baseline(List.of(at("gw.yaml", 12, DUPLICATE)));
        Baseline.Comparison c = b.compare(List.of(at("gw.yaml", 40, DUPLICATE)));
        assertThat(c.existingCount()).isEqualTo(1);
        assertThat(c.absent()).isEmpty();
    }

    /** Decided (docs/baseline.md): a resource keeps its identity when its file is renamed or moved. */
    @Test
    void aFindingWhoseFileWasRenamedIsExisting() {
        Baseline b = new Baseline(List.of(at("old/gw.yaml", 12, DUPLICATE)));
        assertThat(existing(b, List.of(at("new/gateway.yaml", 3, DUPLICATE)))).containsExactly(true);
    }

    @Test
    void anotherMessageCodeOrResourceIsNew() {
        Baseline b = new Baseline(List.of(at("gw.yaml", 12, DUPLICATE)));
        Finding otherHost = at("gw.yaml", 12, DUPLICATE.replace("shop.example.com", "api.example.com"));
        Finding otherResource = on(new ResourceRef("Gateway", "shop", "gw2"), "gw.yaml", 12, DUPLICATE);
        Finding otherCode = new Finding("GW0110", Severity.ERROR, List.of(), GW, new Location("gw.yaml", 12, 7, ""),
                DUPLICATE, "");
        assertThat(existing(b, List.of(otherHost, otherResource, otherCode))).containsExactly(false, false, false);
        // The baseline's finding is not reported again: it is absent.
        assertThat(b.compare(List.of(otherHost)).absent()).containsExactly(at("gw.yaml", 12, DUPLICATE));
    }

    @Test
    void positionsAndDaysLeftInsideTheMessageAreNormalised() {
        assertThat(Baseline.normalizeMessage("Gateway shop/gw is defined more than once: first at a/b/gw.yaml:12;"
                + " see ./c.yml:3:9 and x.JSON:4"))
                .isEqualTo("Gateway shop/gw is defined more than once: first at gw.yaml:#; see c.yml:# and x.JSON:#");
        assertThat(Baseline.normalizeMessage("mapping values are not allowed here, line 5, column 13"))
                .isEqualTo("mapping values are not allowed here, line #, column #");
        assertThat(Baseline.normalizeMessage("expires on 2026-01-01T00:00:00Z, in 12 days"))
                .isEqualTo(Baseline.normalizeMessage("expires on 2026-01-01T00:00:00Z, in less than a day"))
                .isEqualTo(Baseline.normalizeMessage("expires on 2026-01-01T00:00:00Z, in 1 day"));
        // Not a file position: a host and port, a time of day, a count of days that is no expiry.
        assertThat(Baseline.normalizeMessage("shop.example.com:443 at 09:00:00Z within 30 days"))
                .isEqualTo("shop.example.com:443 at 09:00:00Z within 30 days");

        Baseline b = new Baseline(List.of(at("gw.yaml", 20, "Gateway shop/gw is defined more than once: first at"
                + " base/gw.yaml:3")));
        assertThat(existing(b, List.of(at("overlay/gw.yaml", 24, "Gateway shop/gw is defined more than once: first"
                + " at base/gw.yaml:5")))).containsExactly(true);
    }

    @Test
    void twoIdenticalBaselineFindingsCoverTwoNotThree() {
        Baseline b = new Baseline(List.of(at("gw.yaml", 10, DUPLICATE), at("gw.yaml", 20, DUPLICATE)));
        List<Finding> three = List.of(at("gw.yaml", 11, DUPLICATE), at("gw.yaml", 21, DUPLICATE),
                at("gw.yaml", 31, DUPLICATE));
        Baseline.Comparison c = b.compare(three);
        assertThat(c.existingCount()).isEqualTo(2);
        assertThat(three.stream().filter(f -> !c.isExisting(f))).hasSize(1);
        assertThat(c.absent()).isEmpty();

        // Fewer now than in the baseline: every current one is existing, the rest is absent.
        Baseline.Comparison fewer = b.compare(List.of(at("gw.yaml", 10, DUPLICATE)));
        assertThat(fewer.existingCount()).isEqualTo(1);
        assertThat(fewer.absent()).containsExactly(at("gw.yaml", 20, DUPLICATE));
    }

    @Test
    void theCopyAtABaselinePositionIsTheExistingOne() {
        // Nothing moved and a second copy of the same problem was added above the first: the added one is new.
        Baseline b = new Baseline(List.of(at("gw.yaml", 30, DUPLICATE)));
        Finding added = at("gw.yaml", 10, DUPLICATE);
        Finding old = at("gw.yaml", 30, DUPLICATE);
        assertThat(existing(b, List.of(added, old))).containsExactly(false, true);
    }

    @Test
    void equalFindingsThatAreDistinctObjectsAreMarkedOneByOne() {
        Finding one = at("gw.yaml", 10, DUPLICATE);
        Finding same = at("gw.yaml", 10, DUPLICATE);
        Baseline b = new Baseline(List.of(at("gw.yaml", 10, DUPLICATE)));
        assertThat(existing(b, List.of(one, same))).containsExactly(true, false);
    }

    @Test
    void theSameEntryTwiceIsTwoEntries() {
        Finding f = at("gw.yaml", 10, DUPLICATE);
        Baseline b = new Baseline(List.of(f, f));
        assertThat(b.compare(List.of(at("gw.yaml", 12, DUPLICATE))).absent()).containsExactly(f);
        assertThat(b.compare(List.of()).absent()).containsExactly(f, f);
    }

    @Test
    void anEmptyBaselineMakesEverythingNew() {
        Baseline.Comparison c = new Baseline(List.of()).compare(List.of(at("gw.yaml", 1, DUPLICATE)));
        assertThat(c.existingCount()).isZero();
        assertThat(c.absent()).isEmpty();
    }

    @Test
    void findingsWithoutResourceOrLocationHaveFingerprintsToo() {
        Finding internal = new Finding("GW0000", Severity.ERROR, List.of(), null, null, "rule crashed", null);
        Baseline b = new Baseline(List.of(internal));
        assertThat(existing(b, List.of(new Finding("GW0000", Severity.ERROR, List.of(), null, Location.NONE,
                "rule crashed", "")))).containsExactly(true);
    }
}
