import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load client of the reliability scripts (bench/reliability). Java single-file program, no dependencies:
 *
 * <pre>
 * java Load.java report --base URL[,URL...] --clients 8 --max-seconds 60 --max-requests 100000
 *                       --prefix KEYPREFIX --ack ack.tsv --fail fail.tsv [--stop-file FILE]
 * java Load.java resend --base URL --fail fail.tsv --out resend.tsv
 * </pre>
 *
 * {@code report}: every client reports cases (POST /api/cases) one after the other, each with its own
 * Idempotency-Key, until the stop file appears, the time is up or the request budget is spent. With
 * several base URLs the requests alternate between them. Every acknowledged report (201 with a caseNo) is
 * written to the ack file the moment it arrives; every failed one (HTTP error, connection refused, cut
 * while in flight, timeout) to the fail file, with its key so that it can be looked up and resent.
 *
 * {@code resend}: sends every failed request of a fail file again, same key and same body, as a client
 * retrying after an outage would, and writes what the server answered.
 *
 * The body of a request is a function of its key, so a resend carries exactly the first body.
 */
public class Load {

  static final Pattern CASE_NO = Pattern.compile("\"caseNo\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern TRACKING = Pattern.compile("\"trackingCode\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern REPLAYED = Pattern.compile("\"replayed\"\\s*:\\s*(true|false)");

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage();
    }
    Map<String, String> opt = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    switch (args[0]) {
      case "report" -> report(opt);
      case "resend" -> resend(opt);
      default -> usage();
    }
  }

  static void usage() {
    System.err.println("usage: java Load.java report|resend --base URL ... (see the class comment)");
    System.exit(2);
  }

  static String body(String key) {
    // Sanitation at 和平里东街12号: placed in 和平里第一网格, accepted by wangli.
    return "{\"category\":\"sanitation\","
        + "\"description\":\"和平里东街12号楼下垃圾堆积（可靠性测试 " + key + "）\","
        + "\"location\":{\"address\":\"和平里东街12号\"},"
        + "\"urgency\":\"normal\","
        + "\"reporter\":{\"name\":\"张三\",\"phone\":\"13812345678\"},"
        + "\"source\":\"resident\"}";
  }

  static HttpRequest request(String base, String key) {
    return HttpRequest.newBuilder(URI.create(base + "/api/cases"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body(key), StandardCharsets.UTF_8))
        .build();
  }

  static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
  }

  /** refused: never reached the server; cut: sent, the connection died before an answer; timeout. */
  static String failureKind(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return "refused";
      }
      if (t instanceof HttpTimeoutException) {
        return "timeout";
      }
    }
    return e instanceof IOException ? "cut" : "other";
  }

  static String oneLine(Object o) {
    return String.valueOf(o).replaceAll("[\\t\\r\\n]+", " ");
  }

  static void report(Map<String, String> opt) throws Exception {
    String[] bases = opt.getOrDefault("base", "http://127.0.0.1:18281").split(",");
    int clients = Integer.parseInt(opt.getOrDefault("clients", "8"));
    long maxMillis = Long.parseLong(opt.getOrDefault("max-seconds", "60")) * 1000;
    int maxRequests = Integer.parseInt(opt.getOrDefault("max-requests", "100000"));
    String prefix = opt.getOrDefault("prefix", "rel-" + System.currentTimeMillis());
    Path stopFile = opt.containsKey("stop-file") ? Path.of(opt.get("stop-file")) : null;
    PrintWriter ack = new PrintWriter(Files.newBufferedWriter(Path.of(opt.get("ack")), StandardCharsets.UTF_8));
    PrintWriter fail = new PrintWriter(Files.newBufferedWriter(Path.of(opt.get("fail")), StandardCharsets.UTF_8));

    long start = System.currentTimeMillis();
    long deadline = start + maxMillis;
    AtomicInteger issued = new AtomicInteger();
    AtomicInteger acked = new AtomicInteger();
    Map<String, AtomicInteger> failures = new java.util.concurrent.ConcurrentHashMap<>();
    AtomicLong latencySum = new AtomicLong();

    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      final int clientNo = c;
      Thread thread = new Thread(() -> {
        HttpClient http = client();
        int seq = 0;
        while (System.currentTimeMillis() < deadline && (stopFile == null || !Files.exists(stopFile))) {
          if (issued.incrementAndGet() > maxRequests) {
            break;
          }
          String key = prefix + "-" + clientNo + "-" + seq;
          String base = bases[(clientNo + seq) % bases.length];
          seq++;
          long t0 = System.currentTimeMillis();
          try {
            HttpResponse<String> response = http.send(request(base, key),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long t1 = System.currentTimeMillis();
            Matcher no = CASE_NO.matcher(response.body());
            Matcher code = TRACKING.matcher(response.body());
            if (response.statusCode() == 201 && no.find() && code.find()) {
              acked.incrementAndGet();
              latencySum.addAndGet(t1 - t0);
              synchronized (ack) {
                ack.println(key + "\t" + no.group(1) + "\t" + code.group(1) + "\t" + base + "\t" + t0 + "\t" + t1);
                ack.flush();
              }
            } else {
              String kind = "http-" + response.statusCode();
              failures.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
              synchronized (fail) {
                fail.println(key + "\t" + base + "\t" + kind + "\t" + oneLine(response.body()) + "\t" + t0 + "\t" + t1);
                fail.flush();
              }
            }
          } catch (Exception e) {
            long t1 = System.currentTimeMillis();
            String kind = failureKind(e);
            failures.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
            synchronized (fail) {
              fail.println(key + "\t" + base + "\t" + kind + "\t" + oneLine(e) + "\t" + t0 + "\t" + t1);
              fail.flush();
            }
            if (e instanceof InterruptedException) {
              return;
            }
            try {
              Thread.sleep(200); // the server is down or going down: do not spin
            } catch (InterruptedException interrupted) {
              return;
            }
          }
        }
      }, "client-" + c);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    ack.close();
    fail.close();
    long seconds = Math.max(1, (System.currentTimeMillis() - start) / 1000);
    int ok = acked.get();
    System.out.println("load: clients=" + clients + " seconds=" + seconds + " acknowledged=" + ok
        + " failed=" + failures + " ack/s=" + (ok / seconds)
        + " mean_ack_latency_ms=" + (ok == 0 ? 0 : latencySum.get() / ok));
  }

  static void resend(Map<String, String> opt) throws Exception {
    String base = opt.getOrDefault("base", "http://127.0.0.1:18281");
    List<String> lines = Files.readAllLines(Path.of(opt.get("fail")), StandardCharsets.UTF_8);
    HttpClient http = client();
    int created = 0;
    int replayed = 0;
    int other = 0;
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(opt.get("out")), StandardCharsets.UTF_8))) {
      for (String line : lines) {
        if (line.isBlank()) {
          continue;
        }
        String key = line.split("\t", 2)[0];
        HttpResponse<String> response = http.send(request(base, key),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Matcher no = CASE_NO.matcher(response.body());
        Matcher code = TRACKING.matcher(response.body());
        Matcher again = REPLAYED.matcher(response.body());
        String caseNo = no.find() ? no.group(1) : "-";
        String tracking = code.find() ? code.group(1) : "-";
        String wasReplayed = again.find() ? again.group(1) : "-";
        if (response.statusCode() == 201) {
          created++;
        } else if (response.statusCode() == 200 && "true".equals(wasReplayed)) {
          replayed++;
        } else {
          other++;
        }
        out.println(key + "\t" + response.statusCode() + "\t" + caseNo + "\t" + tracking + "\t" + wasReplayed);
      }
    }
    System.out.println("resend: requests=" + (created + replayed + other) + " created=" + created
        + " replayed=" + replayed + " other=" + other);
  }
}
