/** The JVM start-up baseline of bench/bench-table.py: a hello world on the same JVM as gwctl. */
public final class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
