package org.tfeval.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Runs before everything else: answers only the allowed Host names (421 for others, so a DNS
 * rebinding page or a misrouted virtual host gets nothing), and decides, once per request,
 * whether it came over TLS and from which client address. Behind a reverse proxy
 * ({@code --behind-proxy}) X-Forwarded-Proto and X-Forwarded-For are believed only when the
 * direct peer is a loopback address (the proxy on this machine); anyone else's headers are
 * ignored. Behind a proxy every response is treated as served over TLS (Secure cookie, HSTS):
 * the proxy must serve HTTPS only.
 */
final class Forwarding {
    /** Host names always answered: the machine itself. */
    static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1");

    private final boolean behindProxy;
    private final Set<String> allowed;

    Forwarding(boolean behindProxy, String boundHost, Set<String> allowedHosts) {
        this.behindProxy = behindProxy;
        Set<String> a = new HashSet<>(LOOPBACK_NAMES);
        a.add(normalise(boundHost));
        for (String h : allowedHosts) a.add(normalise(h));
        this.allowed = Set.copyOf(a);
    }

    void apply(Context ctx) {
        String host = hostName(ctx.header("Host"));
        if (host == null || !allowed.contains(host)) {
            throw new HttpResponseException(
                    HttpStatus.MISDIRECTED_REQUEST.getCode(),
                    "This server does not answer for that host name (the administrator can allow it with --allowed-host)");
        }
        String peer = ctx.req().getRemoteAddr();
        boolean trusted = behindProxy && loopback(peer);
        String client = peer;
        if (trusted) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                client = hops[hops.length - 1].strip();
            }
        }
        ctx.attribute(Requests.CLIENT, client);
        ctx.attribute(Requests.SECURE, behindProxy || ctx.req().isSecure());
    }

    /** The host name of a Host header without its port, lower-case; null when it is missing. */
    static String hostName(String header) {
        if (header == null || header.isBlank()) return null;
        String h = header.strip();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? null : normalise(h.substring(1, end));
        }
        int colon = h.indexOf(':');
        if (colon >= 0 && h.indexOf(':', colon + 1) < 0) h = h.substring(0, colon);
        return normalise(h);
    }

    private static String normalise(String h) {
        String s = h.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        if (s.endsWith(".")) s = s.substring(0, s.length() - 1);
        return s;
    }

    private static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
