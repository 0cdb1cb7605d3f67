import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small load driver for bench/scale/run.sh (Java 17's source launcher, JDK HttpClient, no dependencies).
 *
 * <pre>
 * java bench/scale/Load.java check BASE USER PATH TEXT
 *     logs USER in (password demo), GETs PATH, prints the status and size; fails unless 200 with TEXT on the page
 * java bench/scale/Load.java run BASE WARMUP SECONDS "8 32" "label|user|path" ...
 *     for each page and each number of users: every user logs in once with its own session, then all request the
 *     page in a loop, WARMUP seconds unrecorded, then SECONDS recorded; prints requests, p50, p95, max, bytes.
 *     Before any of that, every page is requested for WARMUP seconds by the first number of users, unrecorded: the
 *     JIT compiles the code all pages share (security, MVC, Thymeleaf) then, not while the first page is measured.
 * </pre>
 */
public class Load {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"_csrf\"");

    public static void main(String[] args) throws Exception {
        if (args[0].equals("check")) {
            check(args[1], args[2], args[3], args[4]);
        } else {
            run(args);
        }
    }

    static HttpClient login(String base, String user) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no _csrf on /login (" + page.statusCode() + ")");
        }
        String csrf = m.group(1) != null ? m.group(1) : m.group(2);
        String form = "username=" + enc(user) + "&password=demo&_csrf=" + enc(csrf);
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login of " + user + " failed: " + answer.statusCode() + " " + location);
        }
        return client;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void check(String base, String user, String path, String text) throws Exception {
        HttpClient client = login(base, user);
        long t0 = System.nanoTime();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        boolean found = r.body().contains(text);
        System.out.printf("check %-10s %-60s HTTP %d, %d bytes, %d ms, \"%s\" %s%n", user, path, r.statusCode(),
                r.body().getBytes(StandardCharsets.UTF_8).length, ms, text, found ? "present" : "MISSING");
        if (r.statusCode() != 200 || !found) {
            System.exit(1);
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "?";
        }
    }

    static void run(String[] args) throws Exception {
        String base = args[1];
        int warmup = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String[] userCounts = args[4].trim().split("\\s+");
        System.out.println("load average before: " + loadAverage());
        for (int i = 5; i < args.length && warmup > 0; i++) {
            String[] spec = args[i].split("\\|");
            measure(base, spec[0], spec[1], spec[2], Integer.parseInt(userCounts[0]), warmup, 0);
        }
        System.out.println("load average after warming up: " + loadAverage());
        System.out.printf("%-32s %5s %8s %9s %9s %9s %10s %7s%n", "page", "users", "requests", "p50 ms", "p95 ms",
                "max ms", "bytes", "errors");
        for (String users : userCounts) {
            for (int i = 5; i < args.length; i++) {
                String[] spec = args[i].split("\\|");
                measure(base, spec[0], spec[1], spec[2], Integer.parseInt(users), warmup, seconds);
            }
        }
        System.out.println("load average after: " + loadAverage());
    }

    static void measure(String base, String label, String user, String path, int users, int warmup, int seconds)
            throws Exception {
        List<HttpClient> clients = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            clients.add(login(base, user));
        }
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        long[] bytes = new long[1];
        int[] errors = new int[1];
        long start = System.nanoTime();
        long recordFrom = start + warmup * 1_000_000_000L;
        long end = recordFrom + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(users);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5)).build();
        for (HttpClient client : clients) {
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long t1 = System.nanoTime();
                        if (t0 >= recordFrom) { // started in the recorded window (a slow page still counts)
                            times.add(t1 - t0);
                            synchronized (bytes) {
                                bytes[0] = r.body().length;
                                if (r.statusCode() != 200) {
                                    errors[0]++;
                                }
                            }
                        }
                    }
                } catch (Exception e) {
                    synchronized (bytes) {
                        errors[0]++;
                    }
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        if (seconds == 0) { // warming up
            return;
        }
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        int n = sorted.size();
        System.out.printf("%-32s %5d %8d %9s %9s %9s %10d %7d%n", label, users, n, ms(sorted, 0.50), ms(sorted, 0.95),
                n == 0 ? "-" : String.valueOf(sorted.get(n - 1) / 1_000_000), bytes[0], errors[0]);
    }

    static String ms(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return String.valueOf(sorted.get(Math.max(0, index)) / 1_000_000);
    }
}
