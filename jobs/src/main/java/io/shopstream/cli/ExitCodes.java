package io.shopstream.cli;

/** Exit codes of every command. */
final class ExitCodes {
    static final int OK = 0;
    /** The SQL, a file or an argument is wrong: the message says what and where. */
    static final int INVALID = 1;
    /** Picocli's own code for a command line it cannot parse. */
    static final int USAGE = 2;
    /** Something outside the user's input failed: a broker, a cluster, a job. */
    static final int FAILED = 3;

    private ExitCodes() {}
}
