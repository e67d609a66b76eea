package io.croupier.node;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the operator command line in this JVM, as {@code bin/croupier} would run it: exit code and output. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CroupierCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n" + out + err;
    }
}
