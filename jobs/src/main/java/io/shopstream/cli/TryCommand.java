package io.shopstream.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "try", description = "Try a pipeline.")
final class TryCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
