package dev.mcpsec.hardening;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.security.Permission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Records and refuses every network attempt (DNS look-up, connect, listen, accept, multicast, proxy
 * selection) and every process start while installed. On JDK 17 a {@link SecurityManager} sees all
 * of them, including DNS through {@code checkConnect(host, -1)} and NIO channels; the proxy
 * selector also catches URL connections.
 */
@SuppressWarnings("removal")
final class NetworkGuard implements AutoCloseable {
    private final List<String> attempts = Collections.synchronizedList(new ArrayList<>());
    private final ProxySelector previousSelector = ProxySelector.getDefault();

    private NetworkGuard() {}

    /** True when this JVM still lets a test install a security manager (JDK 17 to 23). */
    static boolean available() {
        return Runtime.version().feature() < 24
                && !"disallow".equals(System.getProperty("java.security.manager"));
    }

    static NetworkGuard install() {
        NetworkGuard guard = new NetworkGuard();
        ProxySelector.setDefault(
                new ProxySelector() {
                    @Override
                    public List<Proxy> select(URI uri) {
                        throw guard.refuse("proxy selection for " + uri);
                    }

                    @Override
                    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                        guard.refuse("connect failed " + uri);
                    }
                });
        System.setSecurityManager(
                new SecurityManager() {
                    @Override
                    public void checkConnect(String host, int port) {
                        throw guard.refuse(
                                (port == -1 ? "resolve " : "connect ")
                                        + host
                                        + (port == -1 ? "" : ":" + port));
                    }

                    @Override
                    public void checkConnect(String host, int port, Object context) {
                        checkConnect(host, port);
                    }

                    @Override
                    public void checkListen(int port) {
                        throw guard.refuse("listen " + port);
                    }

                    @Override
                    public void checkAccept(String host, int port) {
                        throw guard.refuse("accept " + host + ":" + port);
                    }

                    @Override
                    public void checkMulticast(InetAddress maddr) {
                        throw guard.refuse("multicast " + maddr);
                    }

                    @Override
                    public void checkExec(String cmd) {
                        throw guard.refuse("exec " + cmd);
                    }

                    @Override
                    public void checkPermission(Permission perm) {
                        // everything else (files, reflection, class loaders for Drools) stays
                        // allowed
                    }

                    @Override
                    public void checkPermission(Permission perm, Object context) {
                        // as above
                    }
                });
        return guard;
    }

    private SecurityException refuse(String what) {
        attempts.add(what);
        return new SecurityException("network guard: " + what);
    }

    List<String> attempts() {
        return List.copyOf(attempts);
    }

    @Override
    public void close() {
        System.setSecurityManager(null);
        ProxySelector.setDefault(previousSelector);
    }
}
