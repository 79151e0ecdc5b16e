package io.shopstream.cli;

/** Progress lines for people: always on stderr, so stdout carries results only. */
final class Console {

    private Console() {}

    static void progress(String line) {
        System.err.println(line);
    }
}
