package school.training.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting a stranger lock anyone out. Failed logins are counted
 * per client (remote address; an IPv6 client by its /64 network) and per account, in memory:
 * <ul>
 * <li>a client with {@code clientMaxFailures} failures is refused for {@code clientBlock}, doubling with
 * each further failure up to {@code clientMaxBlock};</li>
 * <li>an account with more than {@code accountFreeFailures} failures gets a short delay, doubling up to
 * {@code accountMaxDelay} — but only clients that have failed themselves wait for it: a client with a
 * clean record (the owner at her own desk) is never kept waiting by someone else's failures.</li>
 * </ul>
 * Nothing is permanent: failures older than {@code window} are forgotten, a good password clears the
 * account's count, and the office can clear any account or client ({@link LoginLockoutsController}).
 * Times come from the application's {@link Clock}, so tests move time instead of waiting.
 */
@Component
public class LoginThrottle {

    private static final int MAX_ACCOUNT_LENGTH = 255;

    private final LoginThrottleSettings settings;
    private final Clock clock;
    private final Map<String, Failures> clients = new ConcurrentHashMap<>();
    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();

    LoginThrottle(LoginThrottleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long this client must wait before trying a password for this account; empty when it may try now. */
    public Optional<Duration> refusal(String account, String client) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        Failures ofClient = live(clients, clientKey(client), now);
        if (ofClient != null) {
            wait = ofClient.remaining(now);
            Failures ofAccount = account == null ? null : live(accounts, account, now);
            if (ofAccount != null) {
                wait = max(wait, ofAccount.remaining(now));
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** A wrong password (or an unknown account) from this client. */
    public void failed(String account, String client) {
        Instant now = clock.instant();
        record(clients, clientKey(client), now, failures -> failures < settings.clientMaxFailures() ? null
                : grown(settings.clientBlock(), failures - settings.clientMaxFailures(), settings.clientMaxBlock()));
        // a name no account can have (Camunda's ids are at most 255 characters) is not remembered: only the client's count
        if (account != null && !account.isBlank() && account.length() <= MAX_ACCOUNT_LENGTH) {
            record(accounts, account, now, failures -> failures <= settings.accountFreeFailures() ? null
                    : grown(settings.accountDelay(), failures - settings.accountFreeFailures() - 1,
                            settings.accountMaxDelay()));
        }
    }

    /** The right password: the account's count starts again (the client's does not, or guessing could reset it). */
    public void succeeded(String account) {
        accounts.remove(account);
    }

    /** Accounts with recent failures, the ones refused now first. */
    public List<Throttled> accounts() {
        return list(accounts);
    }

    /** Clients with recent failures, the ones refused now first. */
    public List<Throttled> clients() {
        return list(clients);
    }

    /** The office or the admin clears an account's failures. */
    public boolean unlockAccount(String account) {
        return accounts.remove(account) != null;
    }

    /** The office or the admin clears a client's failures (the key shown in {@link #clients()}). */
    public boolean unlockClient(String client) {
        return clients.remove(client) != null;
    }

    /** One account or client: failures within the window, the last one, and until when it is refused (or null). */
    public record Throttled(String key, int failures, Instant lastFailure, Instant refusedUntil) {
    }

    /** The key a client is counted under: its address; an IPv6 address by its /64, which one machine may rotate. */
    static String clientKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        String address = remoteAddress.trim();
        if (address.indexOf(':') >= 0) {
            try {
                // an IPv6 literal: parsed without any name lookup
                InetAddress parsed = InetAddress.getByName(address.startsWith("[") ? address : "[" + address + "]");
                if (parsed instanceof Inet6Address) {
                    byte[] network = Arrays.copyOf(parsed.getAddress(), 16);
                    Arrays.fill(network, 8, 16, (byte) 0);
                    return InetAddress.getByAddress(network).getHostAddress() + "/64";
                }
                return parsed.getHostAddress();
            } catch (UnknownHostException e) {
                return address;
            }
        }
        return address;
    }

    private interface Rule {
        /** How long to refuse after this many failures, or null for not at all. */
        Duration refusalAfter(int failures);
    }

    private void record(Map<String, Failures> map, String key, Instant now, Rule rule) {
        if (!map.containsKey(key) && map.size() >= settings.maxEntries()) {
            makeRoom(map, now);
        }
        Failures failures = map.computeIfAbsent(key, k -> new Failures());
        synchronized (failures) {
            if (failures.forgotten(now, settings.window())) {
                failures.count = 0;
                failures.refusedUntil = null;
            }
            failures.count++;
            failures.last = now;
            Duration refusal = rule.refusalAfter(failures.count);
            if (refusal != null) {
                failures.refusedUntil = now.plus(refusal);
            }
        }
    }

    private Failures live(Map<String, Failures> map, String key, Instant now) {
        Failures failures = map.get(key);
        if (failures == null) {
            return null;
        }
        synchronized (failures) {
            return failures.forgotten(now, settings.window()) ? null : failures;
        }
    }

    private List<Throttled> list(Map<String, Failures> map) {
        Instant now = clock.instant();
        return map.entrySet().stream().map(entry -> {
            Failures f = entry.getValue();
            synchronized (f) {
                if (f.forgotten(now, settings.window())) {
                    return null;
                }
                Instant until = f.refusedUntil != null && f.refusedUntil.isAfter(now) ? f.refusedUntil : null;
                return new Throttled(entry.getKey(), f.count, f.last, until);
            }
        }).filter(t -> t != null)
                .sorted(Comparator.comparing((Throttled t) -> t.refusedUntil() == null)
                        .thenComparing(Throttled::lastFailure, Comparator.reverseOrder()))
                .toList();
    }

    /** Forget what has expired; if the map is still full, the entry whose last failure is oldest. */
    private void makeRoom(Map<String, Failures> map, Instant now) {
        map.values().removeIf(f -> {
            synchronized (f) {
                return f.forgotten(now, settings.window());
            }
        });
        while (map.size() >= settings.maxEntries()) {
            map.entrySet().stream().min(Comparator.comparing(e -> e.getValue().last))
                    .ifPresent(oldest -> map.remove(oldest.getKey(), oldest.getValue()));
        }
    }

    private static Duration grown(Duration first, int doublings, Duration cap) {
        Duration grown = first.multipliedBy(1L << Math.min(Math.max(doublings, 0), 30));
        return grown.compareTo(cap) > 0 ? cap : grown;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static final class Failures {
        int count;
        Instant last = Instant.EPOCH;
        Instant refusedUntil;

        Duration remaining(Instant now) {
            synchronized (this) {
                return refusedUntil == null || !refusedUntil.isAfter(now) ? Duration.ZERO
                        : Duration.between(now, refusedUntil);
            }
        }

        /** Nothing to remember any more: the last failure is outside the window and no refusal is running. */
        boolean forgotten(Instant now, Duration window) {
            return last.plus(window).isBefore(now) && (refusedUntil == null || !refusedUntil.isAfter(now));
        }
    }
}
