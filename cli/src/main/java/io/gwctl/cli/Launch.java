package io.gwctl.cli;

/**
 * The jar's entry point: {@link QuickHelp} when it applies (the root's help or version alone), else {@link Main}.
 * Kept apart from Main because loading Main verifies its methods, which loads picocli, and the quick paths are quick
 * because they do not.
 */
public final class Launch {
    private Launch() {
    }

    public static void main(String[] args) {
        if (QuickHelp.applies(args)) {
            int code = QuickHelp.print();
            if (code >= 0) {
                System.exit(code);
            }
        }
        if (QuickHelp.appliesToVersion(args)) {
            System.exit(QuickHelp.printVersion());
        }
        Main.main(args);
    }
}
