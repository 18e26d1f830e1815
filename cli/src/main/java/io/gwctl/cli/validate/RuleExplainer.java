package io.gwctl.cli.validate;

import io.gwctl.cli.ExitCodes;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.validators.RuleDocs;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code gwctl validate --explain CODE}: prints the page of a rule named by its code, name or IST/KIA alias. */
final class RuleExplainer {
    private RuleExplainer() {
    }

    /** Prints the page of each rule {@code code} names (an alias may name several); exit 64 for an unknown code. */
    static int explain(String code, PrintWriter out, CommandSpec spec) {
        List<RuleInfo> rules = RuleDocs.find(code);
        if (rules.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--explain: no rule " + code
                    + " (gwctl validate --list-rules lists the codes, names and IST/KIA aliases)");
        }
        if (rules.size() > 1) {
            out.println(code + " corresponds to " + rules.size() + " gwctl rules: "
                    + String.join(", ", rules.stream().map(r -> r.code() + " " + r.name()).toList()) + "\n");
        }
        for (int i = 0; i < rules.size(); i++) {
            RuleInfo r = rules.get(i);
            if (i > 0) {
                out.println();
            }
            out.print(RuleDocs.page(r.code()).map(RuleDocs::forReading)
                    .orElseGet(() -> RuleDocs.forReading(RuleDocs.header(r))));
        }
        return ExitCodes.OK;
    }
}
