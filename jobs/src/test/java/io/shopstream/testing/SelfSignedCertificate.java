package io.shopstream.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server certificate for {@code 127.0.0.1} made with the JDK's {@code keytool}: the server's PKCS12 keystore (key
 * and certificate) and a PKCS12 truststore holding the certificate alone, as a client is given a cluster's CA.
 */
public record SelfSignedCertificate(Path keystore, Path truststore, String password) {

    /** Makes both stores in {@code directory}, each protected by {@code password}. */
    public static SelfSignedCertificate create(Path directory, String password) throws IOException,
            InterruptedException {
        Path keystore = directory.resolve("server.p12");
        Path certificate = directory.resolve("server.pem");
        Path truststore = directory.resolve("truststore.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", password,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", truststore.toString(), "-storepass", password);
        return new SelfSignedCertificate(keystore, truststore, password);
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool " + arguments[0] + " ends").isTrue();
        assertThat(keytool.exitValue()).as("keytool " + arguments[0] + ": " + output).isZero();
    }
}
