package org.tfeval.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.tfeval.instrument.workflow.Problem;

/**
 * Seals a participant's words at rest: the rendered text of their transcripts and the memos on them
 * are stored only as ciphertext under their own data key, so destroying that key (a {@code remove}
 * withdrawal) makes every copy unreadable, in backups and in the database's write-ahead log too. The
 * keys and the cryptography live in the application layer (study.protect); this layer stores and
 * returns bytes. A store made {@link Store#withWords with} a word seal gives
 * connections that carry it ({@link #on}); the qualitative tables find it there.
 */
public interface WordSeal {
    /** The purpose bound to a transcript's sealed rendered text. */
    String RENDERED = "transcript-rendered";

    /** The purpose bound to a sealed memo. */
    String MEMO = "memo";

    /** Whether this participant's words are sealed (survivor and community tiers; an unknown tier counts as survivor). */
    boolean seals(Connection c, String participantId) throws SQLException;

    /** Encrypts text under the participant's key. */
    byte[] seal(String participantId, String purpose, String text);

    /** Decrypts what {@link #seal} made; refused when the participant's key was destroyed. */
    String open(String participantId, String purpose, byte[] sealed);

    /** The word seal a connection carries, if any. */
    static Optional<WordSeal> on(Connection c) {
        try {
            return c.isWrapperFor(WordSeal.class) ? Optional.of(c.unwrap(WordSeal.class)) : Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** The word seal a connection carries; an internal problem when sealed words are read without one. */
    static WordSeal required(Connection c) {
        return on(c).orElseThrow(() ->
                Problem.internal("sealed words were read on a connection without the study's participant keys", null));
    }

    /** A connection that carries this seal (every other call goes to {@code c}). */
    default Connection carriedBy(Connection c) {
        Objects.requireNonNull(c, "c");
        WordSeal self = this;
        InvocationHandler h = new InvocationHandler() {
            @Override
            public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
                String name = m.getName();
                int n = args == null ? 0 : args.length;
                if (name.equals("unwrap") && n == 1 && args[0] == WordSeal.class) return self;
                if (name.equals("isWrapperFor") && n == 1 && args[0] == WordSeal.class) return true;
                if (name.equals("equals") && n == 1) return proxy == args[0];
                if (name.equals("hashCode") && n == 0) return System.identityHashCode(proxy);
                try {
                    return m.invoke(c, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        };
        return (Connection)
                Proxy.newProxyInstance(WordSeal.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
    }
}
