package be.loket.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded closed-loop load generator on 127.0.0.1: N virtual users each log in through the real login
 * form (their own session cookie), then request pages back to back for a fixed time. Prints
 * throughput and latency percentiles per page.
 */
final class LoadGenerator {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    record Result(String name, long requests, long errors, double seconds, long[] sortedMicros) {
        double percentileMs(double p) {
            if (sortedMicros.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
            return sortedMicros[Math.max(0, Math.min(i, sortedMicros.length - 1))] / 1000.0;
        }

        String line() {
            return String.format("%-14s requests %7d  errors %d  throughput %7.1f req/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms",
                    name, requests, errors, requests / seconds, percentileMs(50), percentileMs(95), percentileMs(99));
        }
    }

    /** A page to request: a name for the report and the path for a given virtual user and iteration. */
    interface Page {
        String name();

        String path(int user, long iteration);
    }

    static HttpClient logIn(String base, String username, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(loginPage);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + username + "&password=" + password + "&_csrf=" + m.group(1);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || !r.headers().firstValue("Location").orElse("").endsWith("/")) {
            throw new IllegalStateException("login failed for " + username + ": " + r.statusCode() + " " + r.headers().map());
        }
        return client;
    }

    /**
     * Runs the load. With a think time, each virtual user pauses a random 0.5 to 1.5 times it between two
     * requests, as staff read a page before the next click; without, the users hammer the server back to back.
     */
    static List<Result> run(String base, int users, IntFunction<String> usernameOf, String password, List<Page> pages,
            Duration warmup, Duration measure, Duration thinkTime) throws Exception {
        HttpClient[] clients = new HttpClient[users];
        for (int u = 0; u < users; u++) {
            clients[u] = logIn(base, usernameOf.apply(u), password);
        }
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long[] cpuAt = new long[2];
        // The JVM's CPU time over the measured window, read by a timer: robust against other processes on the machine.
        var cpuTimer = Executors.newSingleThreadScheduledExecutor();
        cpuTimer.schedule(() -> cpuAt[0] = os.getProcessCpuTime(), Math.max(0, measureFrom - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
        long end = measureFrom + measure.toNanos();
        List<List<long[]>> samples = new ArrayList<>();
        AtomicLong[] errors = new AtomicLong[pages.size()];
        for (int p = 0; p < pages.size(); p++) {
            errors[p] = new AtomicLong();
        }
        ExecutorService pool = Executors.newFixedThreadPool(users);
        List<java.util.concurrent.Future<List<long[]>>> futures = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            final int user = u;
            futures.add(pool.submit(() -> {
                List<long[]> mine = new ArrayList<>();
                long i = 0;
                while (System.nanoTime() < end) {
                    int p = (int) ((i + user) % pages.size());
                    Page page = pages.get(p);
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = clients[user].send(HttpRequest.newBuilder(URI.create(base + page.path(user, i))).timeout(Duration.ofSeconds(30))
                                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom && t1 <= end) {
                        if (status != 200) {
                            errors[p].incrementAndGet();
                        }
                        mine.add(new long[] {p, (t1 - t0) / 1000});
                    }
                    i++;
                    if (!thinkTime.isZero()) {
                        long pause = (long) (thinkTime.toMillis() * (0.5 + java.util.concurrent.ThreadLocalRandom.current().nextDouble()));
                        Thread.sleep(Math.min(pause, Math.max(0, (end - System.nanoTime()) / 1_000_000)));
                    }
                }
                return mine;
            }));
        }
        for (var f : futures) {
            samples.add(f.get());
        }
        cpuAt[1] = os.getProcessCpuTime();
        cpuTimer.shutdown();
        pool.shutdown();
        double seconds = measure.toNanos() / 1e9;
        List<Result> results = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            final int page = p;
            long[] micros = samples.stream().flatMap(List::stream).filter(s -> s[0] == page).mapToLong(s -> s[1]).toArray();
            Arrays.sort(micros);
            results.add(new Result(pages.get(p).name(), micros.length, errors[p].get(), seconds, micros));
        }
        long[] all = samples.stream().flatMap(List::stream).mapToLong(s -> s[1]).toArray();
        Arrays.sort(all);
        results.add(new Result("all", all.length, Arrays.stream(errors).mapToLong(AtomicLong::get).sum(), seconds, all));
        // Server and client share this JVM: the figure is the whole cost of one request on 127.0.0.1 except PostgreSQL's.
        System.out.printf("JVM CPU time per request (server + load generator): %.2f ms%n",
                (cpuAt[1] - cpuAt[0]) / 1e6 / Math.max(1, all.length));
        return results;
    }
}
