package org.luoshi.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address of the client behind a request. {@code X-Forwarded-For} is believed only when the TCP
 * peer is one of the configured trusted proxies, because any client can send the header; the list is
 * then read from the right, skipping trusted proxies, and the first other address is the client.
 */
@Component
class ClientAddress {

    private static final Pattern IP = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private final List<IpAddressMatcher> trusted;

    ClientAddress(AuditSettings settings) {
        this.trusted = settings.trustedProxies().stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(IpAddressMatcher::new).toList();
    }

    String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !isTrusted(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!IP.matcher(hop).matches()) {
                // Garbage in the header: keep the last address we could trust.
                return client;
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        if (address == null || !IP.matcher(address).matches()) {
            return false;
        }
        for (IpAddressMatcher m : trusted) {
            try {
                if (m.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // not an address this matcher can compare
            }
        }
        return false;
    }
}
