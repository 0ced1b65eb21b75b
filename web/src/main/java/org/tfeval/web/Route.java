package org.tfeval.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Objects;

/**
 * One entry of the route table.
 *
 * @param method  GET or POST
 * @param path    Javalin path with {@code {params}}
 * @param access  who may call it
 * @param handler what it does (called after authentication, CSRF and role checks)
 */
public record Route(HandlerType method, String path, Access access, Handler handler) {
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        if (method != HandlerType.GET && method != HandlerType.POST)
            throw new IllegalArgumentException(path + ": only GET and POST routes");
        if (!path.startsWith("/")) throw new IllegalArgumentException("route path " + path + " must start with /");
    }

    public static Route get(String path, Access access, Handler handler) {
        return new Route(HandlerType.GET, path, access, handler);
    }

    public static Route post(String path, Access access, Handler handler) {
        return new Route(HandlerType.POST, path, access, handler);
    }

    /** Whether the route changes state (and so needs the CSRF token). */
    public boolean mutates() {
        return method == HandlerType.POST;
    }
}
