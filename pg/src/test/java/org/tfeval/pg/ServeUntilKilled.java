package org.tfeval.pg;

import java.nio.file.Path;

/** A child JVM for tests: starts the embedded server of a folder, says so, and waits to be killed. */
public final class ServeUntilKilled {
    private ServeUntilKilled() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedPostgres pg = EmbeddedPostgres.start(Path.of(args[0]), EmbeddedPostgres.Durability.THROWAWAY);
        System.out.println("ready " + pg.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
