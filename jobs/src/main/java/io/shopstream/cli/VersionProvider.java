package io.shopstream.cli;

import org.apache.flink.runtime.util.EnvironmentInformation;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String own = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"shopstream " + (own == null ? "(development build)" : own),
                "Flink " + EnvironmentInformation.getVersion()};
    }
}
