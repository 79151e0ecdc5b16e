package io.shopstream.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports for the embedded services: a free one picked by the OS, or a requested one checked first. */
public final class LocalPorts {

    private LocalPorts() {}

    /** A port nothing listens on right now. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /**
     * {@code requested}, or a free port when it is 0.
     *
     * @param what what the port is for, and the option that sets it, for the message when the port is taken
     */
    public static int claim(int requested, String what) {
        if (requested == 0) {
            return free();
        }
        try (ServerSocket socket = new ServerSocket(requested, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return requested;
        } catch (IOException e) {
            throw new PortTakenException("port " + requested + " (" + what + ") is already in use: stop what holds it"
                    + " (`ss -ltnp | grep :" + requested + "`) or choose another port");
        }
    }
}
