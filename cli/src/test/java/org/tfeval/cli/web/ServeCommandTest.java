package org.tfeval.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.cli.Tfeval;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.store.study.StudyWorkspace;
import org.tfeval.testkit.PostgresExtension;
import picocli.CommandLine;

@ExtendWith(PostgresExtension.class)
class ServeCommandTest {
    @TempDir
    Path dir;

    /** The test database as a --db URL. */
    private static String dbUrl(ConnectionSettings db) {
        return db.jdbcUrl()
                .replaceFirst("^jdbc:postgresql://", "postgresql://" + db.user() + ":" + db.password() + "@");
    }

    @Test
    void serve_prints_its_address_writes_the_one_time_password_to_an_owner_only_file_and_stops_cleanly(
            ConnectionSettings db) throws Exception {
        StudyWorkspace.init(dir.resolve("s"), "ecm", true);
        ServeCommand serve = new ServeCommand();
        CommandLine cl = Tfeval.configure(new CommandLine(serve));
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread t = new Thread(
                () -> exit.set(cl.execute("--study", dir.resolve("s").toString(), "--db", dbUrl(db), "--port", "0")));
        t.start();
        Pattern address = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/)");
        Matcher m = address.matcher("");
        for (int i = 0; i < 600 && !m.find(); i++) {
            Thread.sleep(100);
            m = address.matcher(out.toString());
        }
        assertThat(out.toString()).contains("tfeval web application for study s: http://127.0.0.1:");
        java.nio.file.Path file = dir.resolve("s").resolve(org.tfeval.study.accounts.FirstAdministrator.PASSWORD_FILE);
        assertThat(out.toString()).contains("administrator 'admin'", file.toString());
        assertThat(java.nio.file.Files.getPosixFilePermissions(file))
                .as("owner-only whatever the umask")
                .containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        String password = java.nio.file.Files.readAllLines(file).get(1);
        assertThat(password).hasSize(18);
        assertThat(out.toString())
                .as("the password never reaches standard output")
                .doesNotContain(password);
        HttpResponse<String> login = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(m.group(1) + "login")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Sign in");

        serve.stop();
        t.join(30_000);
        assertThat(exit.get()).isZero();
        assertThat(out.toString()).contains("Stopping.");
    }

    @Test
    void a_second_serve_on_the_same_study_creates_no_second_administrator_and_a_busy_port_is_a_usage_error(
            ConnectionSettings db) throws Exception {
        StudyWorkspace.init(dir.resolve("s"), "ecm", true);
        try (java.net.ServerSocket busy =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            CommandLine cl = Tfeval.configure(new CommandLine(new ServeCommand()));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(
                    "--study",
                    dir.resolve("s").toString(),
                    "--db",
                    dbUrl(db),
                    "--port",
                    Integer.toString(busy.getLocalPort()));
            assertThat(code).isEqualTo(2);
            assertThat(out.toString()).doesNotContain("http://");
        }
    }
}
