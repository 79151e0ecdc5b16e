package io.shopstream.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "run", description = "Run pipelines.")
final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
