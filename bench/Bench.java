import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The Lianhu benchmark tool: one file, JDK 17 only, run as {@code java bench/Bench.java <command> [--option value]}.
 * The JDBC driver is taken from the Lianhu jar itself (BOOT-INF/lib/mysql-connector-j-*.jar), so nothing is
 * downloaded. {@code bench/run.sh} calls the commands in order; every command appends its figures to a results
 * file (Java properties) and {@code report} turns that file into the markdown table.
 *
 * <p>Every load loop is bounded by a request count and a time limit, and only talks to the configured host
 * (127.0.0.1 by default).
 */
public class Bench {

  // ------------------------------------------------------------------------------------------------ options

  static final Map<String, String> OPT = new LinkedHashMap<>();
  static Properties results = new Properties();
  static Path resultsFile;

  static String opt(String name, String fallback) {
    return OPT.getOrDefault(name, fallback);
  }

  static int optInt(String name, int fallback) {
    return Integer.parseInt(opt(name, String.valueOf(fallback)));
  }

  static double optDouble(String name, double fallback) {
    return Double.parseDouble(opt(name, String.valueOf(fallback)));
  }

  static String base() {
    return opt("base", "http://127.0.0.1:18181");
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: java Bench.java <command> [--option value ...]; see bench/README.md");
      System.exit(2);
    }
    String command = args[0];
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
      String key = args[i].substring(2);
      String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
      OPT.put(key, value);
    }
    String rf = opt("results", null);
    if (rf != null) {
      resultsFile = Path.of(rf);
      if (Files.exists(resultsFile)) {
        try (InputStream in = Files.newInputStream(resultsFile)) {
          results.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
      }
    }
    int rc = 0;
    try {
      switch (command) {
        case "setup-db" -> setupDb();
        case "wait-ready" -> waitReady();
        case "db-restore" -> dbRestore();
        case "deploy" -> deploy();
        case "intake-suite" -> intakeSuite();
        case "rows-per-request" -> rowsPerRequest();
        case "intake" -> httpLoad("intake");
        case "vanilla" -> httpLoad("vanilla");
        case "lookup" -> httpLoad("lookup");
        case "stats-api" -> httpLoad("stats");
        case "photo-intake" -> httpLoad("photo");
        case "photo-multipart" -> httpLoad("photo-multipart");
        case "outbox" -> outbox();
        case "db-insert" -> dbInsert();
        case "timers-baseline" -> timersBaseline();
        case "timers" -> timersEscalation();
        case "load-history" -> loadHistory();
        case "kpi-sql" -> kpiSql();
        case "kpi-tune" -> kpiTune();
        case "jfr-summary" -> jfrSummary();
        case "org-workbook" -> orgWorkbook();
        case "reset-db" -> resetDb();
        case "org-import" -> orgImport();
        case "liaison-data" -> liaisonData();
        case "liaison" -> liaison();
        case "tasklist" -> tasklist();
        case "vanilla-db" -> vanillaDb(opt("name", null));
        case "vanilla-app" -> vanillaApp();
        case "put" -> put(opt("key", null), opt("value", null));
        case "report" -> report();
        default -> throw new IllegalArgumentException("unknown command " + command);
      }
    } catch (BenchFailure failure) {
      System.err.println("FAILED: " + failure.getMessage());
      rc = 1;
    }
    saveResults();
    System.exit(rc);
  }

  static final class BenchFailure extends RuntimeException {
    BenchFailure(String message) {
      super(message);
    }
  }

  static synchronized void put(String key, Object value) {
    if (key == null || value == null) {
      return;
    }
    String text = value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : value.toString();
    results.setProperty(key, text);
  }

  static void saveResults() throws IOException {
    if (resultsFile == null) {
      return;
    }
    Files.createDirectories(resultsFile.toAbsolutePath().getParent());
    TreeMap<String, String> sorted = new TreeMap<>();
    results.forEach((k, v) -> sorted.put(k.toString(), v.toString()));
    StringBuilder out = new StringBuilder("# Lianhu benchmark results (written by bench/Bench.java)\n");
    sorted.forEach((k, v) -> out.append(k).append('=').append(v.replace("\\", "\\\\").replace("\n", "\\n")).append('\n'));
    Files.writeString(resultsFile, out.toString(), StandardCharsets.UTF_8);
  }

  static void log(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
    System.out.flush();
  }

  // ------------------------------------------------------------------------------------------------ JDBC

  static Driver driver;

  /** The MySQL driver shipped inside the Lianhu jar, loaded in its own class loader. */
  static synchronized Driver driver() throws Exception {
    if (driver != null) {
      return driver;
    }
    String jar = opt("jar", System.getenv("LIANHU_JAR"));
    if (jar == null) {
      throw new IllegalArgumentException("--jar <lianhu jar> is needed to find the JDBC driver");
    }
    Path work = Path.of(opt("work", System.getProperty("java.io.tmpdir")));
    Files.createDirectories(work);
    Path extracted = null;
    try (ZipFile zip = new ZipFile(jar)) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        String name = entry.getName();
        if (name.startsWith("BOOT-INF/lib/mysql-connector-j-") && name.endsWith(".jar")) {
          extracted = work.resolve(name.substring("BOOT-INF/lib/".length()));
          if (!Files.exists(extracted) || Files.size(extracted) != entry.getSize()) {
            try (InputStream in = zip.getInputStream(entry)) {
              Files.copy(in, extracted, StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
      }
    }
    if (extracted == null) {
      throw new IllegalStateException("no BOOT-INF/lib/mysql-connector-j-*.jar in " + jar);
    }
    URLClassLoader loader = new URLClassLoader(new URL[] {extracted.toUri().toURL()}, Bench.class.getClassLoader());
    Constructor<?> constructor = Class.forName("com.mysql.cj.jdbc.Driver", true, loader).getDeclaredConstructor();
    driver = (Driver) constructor.newInstance();
    return driver;
  }

  static String dbHost() {
    return opt("db-host", "127.0.0.1");
  }

  static String dbPort() {
    return opt("db-port", "3306");
  }

  static String jdbcUrl(String database) {
    return "jdbc:mysql://" + dbHost() + ":" + dbPort() + "/" + database
        + "?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true"
        + "&rewriteBatchedStatements=true&connectTimeout=5000"
        // The county's wall-clock time, as the server's own connections store it (docs/architecture.md, "Time").
        + "&connectionTimeZone=" + URLEncoder.encode(opt("county-offset", "+08:00"), StandardCharsets.UTF_8)
        + "&forceConnectionTimeZoneToSession=true";
  }

  static Connection connect(String database, String user, String password) throws Exception {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password == null ? "" : password);
    Connection connection = driver().connect(jdbcUrl(database), props);
    if (connection == null) {
      throw new IllegalStateException("driver refused " + jdbcUrl(database));
    }
    return connection;
  }

  /** The bench database as the bench user (the same account the server uses). */
  static Connection db() throws Exception {
    return connect(opt("db", "lianhu_bench"), opt("db-user", "lianhu_bench"), opt("db-password", "lianhu_bench"));
  }

  static Connection vanillaDb() throws Exception {
    return connect(opt("db-vanilla", "lianhu_bench_vanilla"), opt("db-user", "lianhu_bench"),
        opt("db-password", "lianhu_bench"));
  }

  static long queryLong(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  static String queryString(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  static int exec(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      return st.executeUpdate(sql);
    }
  }

  /** Creates (drops first) the two bench databases and the bench account, as the server's root account. */
  static void setupDb() throws Exception {
    String db = opt("db", "lianhu_bench");
    String vdb = opt("db-vanilla", "lianhu_bench_vanilla");
    for (String name : List.of(db, vdb)) {
      if (!name.matches("[A-Za-z0-9_]+") || name.equals("lianhu_test") || name.startsWith("lianhu_test")) {
        throw new BenchFailure("refusing to use database name " + name);
      }
    }
    String user = opt("db-user", "lianhu_bench");
    String password = opt("db-password", "lianhu_bench");
    try (Connection c = connect("", opt("db-root-user", "root"), opt("db-root-password", ""))) {
      for (String name : List.of(db, vdb)) {
        exec(c, "DROP DATABASE IF EXISTS `" + name + "`");
        exec(c, "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      }
      // A dedicated account that sees only the bench databases: Camunda's schema check looks for its tables
      // in every database the account can see (see docs/performance.md, "Findings").
      for (String host : List.of("127.0.0.1", "localhost")) {
        exec(c, "CREATE USER IF NOT EXISTS '" + user + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
        for (String name : List.of(db, vdb)) {
          exec(c, "GRANT ALL PRIVILEGES ON `" + name + "`.* TO '" + user + "'@'" + host + "'");
        }
      }
      exec(c, "FLUSH PRIVILEGES");
      long wantedMb = Long.parseLong(opt("db-buffer-pool-mb", "0"));
      long currentMb = Long.parseLong(queryString(c, "select @@innodb_buffer_pool_size")) / (1024 * 1024);
      if (wantedMb > currentMb) {
        // The server-wide InnoDB cache; bench/run.sh puts the original size back when the run ends.
        put("env.db.buffer_pool_mb_original", currentMb);
        exec(c, "SET GLOBAL innodb_buffer_pool_size = " + wantedMb * 1024 * 1024);
        for (int i = 0; i < 120; i++) {
          String status = queryString(c, "select variable_value from information_schema.global_status "
              + "where variable_name = 'INNODB_BUFFER_POOL_RESIZE_STATUS'");
          if (status == null || status.isBlank() || status.toLowerCase(Locale.ROOT).contains("complet")) {
            break;
          }
          Thread.sleep(500);
        }
        log("innodb_buffer_pool_size raised from %d MiB to %s MiB for the run", currentMb,
            Long.parseLong(queryString(c, "select @@innodb_buffer_pool_size")) / (1024 * 1024));
      }
      if ("true".equals(opt("db-userstat", "false"))) {
        try {
          String userstat = queryString(c, "select @@userstat");
          if ("0".equals(userstat)) {
            exec(c, "SET GLOBAL userstat = 1");
            put("env.db.userstat_original", "0");
            log("userstat switched on for the run (per-account statement counters and busy time)");
          }
          put("env.db.userstat", "1");
        } catch (SQLException notMariaDb) {
          put("env.db.userstat", "unavailable");
        }
      }
      put("env.db.version", queryString(c, "select version()"));
      put("env.db.buffer_pool_mb", Long.parseLong(queryString(c, "select @@innodb_buffer_pool_size")) / (1024 * 1024));
      put("env.db.flush_log_at_trx_commit", queryString(c, "select @@innodb_flush_log_at_trx_commit"));
      put("env.db.log_bin", queryString(c, "select @@log_bin"));
    }
    try (Connection c = vanillaDb()) {
      exec(c, "CREATE TABLE bench_insert (id BIGINT AUTO_INCREMENT PRIMARY KEY, payload VARCHAR(200) NOT NULL, "
          + "created_at DATETIME(3) NOT NULL) ENGINE=InnoDB");
    }
    log("databases %s and %s created, account %s", db, vdb, user);
  }

  /** Puts back the buffer pool size setup-db changed (if it changed it). */
  static void dbRestore() throws Exception {
    String original = results.getProperty("env.db.buffer_pool_mb_original");
    String userstat = results.getProperty("env.db.userstat_original");
    if ((original == null && userstat == null) || results.getProperty("env.db.restored") != null) {
      return;
    }
    try (Connection c = connect("", opt("db-root-user", "root"), opt("db-root-password", ""))) {
      if (original != null) {
        exec(c, "SET GLOBAL innodb_buffer_pool_size = " + Long.parseLong(original) * 1024 * 1024);
        log("innodb_buffer_pool_size set back to %s MiB", original);
      }
      if (userstat != null) {
        exec(c, "SET GLOBAL userstat = " + Integer.parseInt(userstat));
        log("userstat set back to %s", userstat);
      }
      put("env.db.restored", "true");
    }
  }

  // ------------------------------------------------------------------------------------------------ HTTP

  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static String adminAuth() {
    return basic(opt("admin-user", "demo"), opt("admin-password", "bench-admin-pw"));
  }

  static HttpResponse<String> get(String path, String auth) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60)).GET();
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> postJson(String path, String json, String auth, String idempotencyKey)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Waits for the server: the "Started" log line and the first 200 on /api/categories. */
  static void waitReady() throws Exception {
    long startMs = Long.parseLong(opt("since-ms", "0"));
    Path logFile = Path.of(opt("log", "server.log"));
    long pid = Long.parseLong(opt("pid", "0"));
    String label = opt("label", "startup");
    long deadline = System.currentTimeMillis() + optInt("timeout-s", 180) * 1000L;
    Pattern started = Pattern.compile("Started LianhuApplication in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");
    Double startedIn = null;
    Double processRunning = null;
    long firstOk = 0;
    while (System.currentTimeMillis() < deadline) {
      if (pid > 0 && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
        throw new BenchFailure("server process " + pid + " ended during start-up; see " + logFile);
      }
      if (startedIn == null && Files.exists(logFile)) {
        Matcher m = started.matcher(Files.readString(logFile, StandardCharsets.UTF_8));
        if (m.find()) {
          startedIn = Double.parseDouble(m.group(1));
          processRunning = Double.parseDouble(m.group(2));
        }
      }
      if (firstOk == 0) {
        try {
          if (get("/api/categories", null).statusCode() == 200) {
            firstOk = System.currentTimeMillis();
          }
        } catch (IOException notYet) {
          // not listening yet
        }
      }
      if (startedIn != null && firstOk != 0) {
        break;
      }
      Thread.sleep(100);
    }
    if (startedIn == null || firstOk == 0) {
      throw new BenchFailure("server not ready within " + opt("timeout-s", "180") + " s; see " + logFile);
    }
    double toFirst200 = (firstOk - startMs) / 1000.0;
    put(label + ".started_in_s", startedIn);
    put(label + ".process_running_s", processRunning);
    put(label + ".first_200_s", toFirst200);
    if (pid > 0) {
      put(label + ".rss_mb", rssKb(pid) / 1024.0);
    }
    log("%s: Started LianhuApplication in %.1f s (JVM up %.1f s); first 200 on /api/categories %.1f s after launch",
        label, startedIn, processRunning, toFirst200);
  }

  // ------------------------------------------------------------------------------------------------ deploy

  static void deploy() throws Exception {
    Path dir = Path.of(opt("processes", "bench/processes"));
    for (String file : List.of("bench-vanilla.bpmn", "bench-empty-timer.bpmn", "bench-nudge.bpmn")) {
      String boundary = "----lianhu-bench-" + System.nanoTime();
      byte[] content = Files.readAllBytes(dir.resolve(file));
      StringBuilder head = new StringBuilder();
      for (String[] field : new String[][] {{"deployment-name", "lianhu-bench-" + file},
          {"enable-duplicate-filtering", "true"}, {"deployment-source", "lianhu-bench"}}) {
        head.append("--").append(boundary).append("\r\n")
            .append("Content-Disposition: form-data; name=\"").append(field[0]).append("\"\r\n\r\n")
            .append(field[1]).append("\r\n");
      }
      head.append("--").append(boundary).append("\r\n")
          .append("Content-Disposition: form-data; name=\"data\"; filename=\"").append(file).append("\"\r\n")
          .append("Content-Type: application/xml\r\n\r\n");
      byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
      byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
      byte[] body = new byte[headBytes.length + content.length + tail.length];
      System.arraycopy(headBytes, 0, body, 0, headBytes.length);
      System.arraycopy(content, 0, body, headBytes.length, content.length);
      System.arraycopy(tail, 0, body, headBytes.length + content.length, tail.length);
      HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/engine-rest/deployment/create"))
          .timeout(Duration.ofSeconds(60)).header("Authorization", adminAuth())
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new BenchFailure("deploying " + file + " answered " + response.statusCode() + ": " + response.body());
      }
      log("deployed %s through /engine-rest/deployment/create", file);
    }
  }

  // ------------------------------------------------------------------------------------------------ requests

  static final String[][] PLACES = {
      {"和平里东街", "号楼下"}, {"和平里西街", "号院内"}, {"青年路北段", "号门前"}, {"青年路南段", "号附近"},
      {"新华路东段", "号小区"}, {"新华路西段", "号楼道"}, {"桃园东组", "号屋后"}, {"桃园西组", "号路口"}};
  static final String[][] PROBLEMS = {
      {"sanitation", "垃圾堆积三天，气味很大，请尽快清运"}, {"road_damage", "路面塌陷一处，电动车经过容易摔倒"},
      {"streetlight", "路灯晚上不亮已经一周，行人看不清路"}, {"noise", "夜间施工噪音扰民，影响老人休息"},
      {"drainage", "下雨后积水严重，没过脚踝"}, {"water_supply", "自来水水压很低，高层用水困难"},
      {"illegal_construction", "楼顶新搭建彩钢棚，存在安全隐患"}, {"elderly_assistance", "独居老人行动不便，需要上门帮扶"}};

  static String reportJson(long seq) {
    String[] place = PLACES[(int) (seq % PLACES.length)];
    String[] problem = PROBLEMS[(int) ((seq / PLACES.length) % PROBLEMS.length)];
    long house = 1 + seq % 97;
    String phone = String.format(Locale.ROOT, "138%08d", seq % 100_000_000L);
    return "{\"category\":\"" + problem[0] + "\",\"description\":\"" + place[0] + house + place[1] + problem[1]
        + "（压测 " + seq + "）\",\"location\":{\"address\":\"" + place[0] + house + "号\"},\"urgency\":\"normal\","
        + "\"reporter\":{\"name\":\"压测用户\",\"phone\":\"" + phone + "\"},\"source\":\"resident\"}";
  }

  interface Call {
    /** Sends one request; returns null when it succeeded, else a short description of the failure. */
    String call(long seq) throws Exception;
  }

  // Each bench process numbers its reports from its own start, so that a later step's reports are not taken for
  // repeats of an earlier step's (same reporter, same description: 409 repeat-report).
  static final AtomicLong SEQ = new AtomicLong(System.currentTimeMillis() % 10_000_000L * 10);
  static final String RUN_ID = Long.toString(System.currentTimeMillis(), 36);

  static Call intakeCall() {
    return seq -> {
      HttpResponse<String> r = postJson("/api/cases", reportJson(seq), null, "bench-" + RUN_ID + "-" + seq);
      return r.statusCode() == 201 ? null : "POST /api/cases " + r.statusCode() + " " + abbreviate(r.body());
    };
  }

  /**
   * The photo the photo step sends with each report: 2600 × 1950 pixels of noise (a 5-megapixel phone
   * photo's size), which JPEG cannot shrink, about 3 MB.
   */
  static byte[] benchPhoto() throws IOException {
    Random random = new Random(7);
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(2600, 1950, java.awt.image.BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }

  /**
   * A report with one photo as the resident page sends it: the photo as the body of {@code POST
   * /api/uploads} (streamed, no multipart parsing), then the JSON report naming it. The latency is
   * the pair's.
   */
  static Call photoCall() throws IOException {
    byte[] photo = benchPhoto();
    put("photo.bytes", photo.length);
    return seq -> {
      HttpRequest upload = HttpRequest.newBuilder(URI.create(base() + "/api/uploads"))
          .timeout(Duration.ofSeconds(60)).header("Content-Type", "image/jpeg")
          .header("X-File-Name", "photo-" + seq + ".jpg")
          .POST(HttpRequest.BodyPublishers.ofByteArray(photo)).build();
      HttpResponse<String> u = HTTP.send(upload, HttpResponse.BodyHandlers.ofString());
      if (u.statusCode() != 201) {
        return "POST /api/uploads " + u.statusCode() + " " + abbreviate(u.body());
      }
      Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(u.body());
      if (!id.find()) {
        return "POST /api/uploads answered no id: " + abbreviate(u.body());
      }
      String json = reportJson(seq);
      json = json.substring(0, json.length() - 1) + ",\"photos\":[\"" + id.group(1) + "\"]}";
      HttpResponse<String> r = postJson("/api/cases", json, null, "photo-" + RUN_ID + "-" + seq);
      return r.statusCode() == 201 ? null : "POST /api/cases (photo) " + r.statusCode() + " " + abbreviate(r.body());
    };
  }

  /** The same report and photo in one multipart request (the servlet container parses the parts). */
  static Call photoMultipartCall() throws IOException {
    byte[] photo = benchPhoto();
    String boundary = "bench" + RUN_ID;
    return seq -> {
      java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(photo.length + 2048);
      // Reporters of their own, not those of the upload step run before (a new process counts from 1).
      String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"report\"\r\n"
          + "Content-Type: application/json\r\n\r\n" + reportJson(seq + 50_000_000L) + "\r\n--" + boundary
          + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"photo.jpg\"\r\n"
          + "Content-Type: image/jpeg\r\n\r\n";
      body.write(head.getBytes(StandardCharsets.UTF_8));
      body.write(photo);
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/cases"))
          .timeout(Duration.ofSeconds(60))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .header("Idempotency-Key", "photo-mp-" + RUN_ID + "-" + seq)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 201 ? null : "POST /api/cases (multipart) " + r.statusCode() + " " + abbreviate(r.body());
    };
  }

  /** The engine-rest start of benchVanilla: in Lianhu's server as its admin, or in bench/vanilla without a login. */
  static Call vanillaCall(String auth) {
    return seq -> {
      HttpResponse<String> r = postJson("/engine-rest/process-definition/key/benchVanilla/start",
          "{\"businessKey\":\"v-" + RUN_ID + "-" + seq + "\"}", auth, null);
      return r.statusCode() == 200 ? null : "start benchVanilla " + r.statusCode() + " " + abbreviate(r.body());
    };
  }

  static Call emptyTimerCall() {
    String auth = adminAuth();
    return seq -> {
      HttpResponse<String> r = postJson("/engine-rest/process-definition/key/benchEmptyTimer/start",
          "{\"businessKey\":\"t-" + RUN_ID + "-" + seq + "\"}", auth, null);
      return r.statusCode() == 200 ? null : "start benchEmptyTimer " + r.statusCode() + " " + abbreviate(r.body());
    };
  }

  static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    s = s.replaceAll("\\s+", " ");
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  // ------------------------------------------------------------------------------------------------ load loop

  record Level(int clients, long ok, long errors, double seconds, double throughput, double min, double p50,
      double p90, double p99, double max, String firstError, Map<String, Double> extra) {}

  /**
   * Runs {@code clients} closed-loop workers: warm-up first (not counted), then measures until the duration
   * passes or {@code maxRequests} were measured. Latency is from sending the request to having read the whole
   * answer.
   */
  static Level runLevel(int clients, double warmupS, double durationS, long maxRequests, Call call,
      Probe probe) throws Exception {
    long warmupEnd = System.nanoTime() + (long) (warmupS * 1e9);
    long hardEnd = warmupEnd + (long) (durationS * 1e9);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong measured = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<long[]> perWorker = Collections.synchronizedList(new ArrayList<>());
    String[] firstError = new String[1];
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < clients; w++) {
      Thread t = new Thread(() -> {
        long[] lat = new long[1024];
        int n = 0;
        while (!stop.get()) {
          long seq = SEQ.incrementAndGet();
          long t0 = System.nanoTime();
          if (t0 >= hardEnd) {
            break;
          }
          boolean counted = t0 >= warmupEnd;
          if (counted && measured.incrementAndGet() > maxRequests) {
            break;
          }
          String failure;
          try {
            failure = call.call(seq);
          } catch (Exception e) {
            failure = e.toString();
          }
          long t1 = System.nanoTime();
          if (failure != null) {
            if (counted) {
              errors.incrementAndGet();
            }
            synchronized (firstError) {
              if (firstError[0] == null) {
                firstError[0] = failure;
              }
            }
            continue;
          }
          if (counted) {
            if (n == lat.length) {
              lat = Arrays.copyOf(lat, n * 2);
            }
            lat[n++] = t1 - t0;
          }
        }
        perWorker.add(Arrays.copyOf(lat, n));
      }, "bench-client-" + w);
      t.setDaemon(true);
      workers.add(t);
    }
    workers.forEach(Thread::start);
    sleepUntil(warmupEnd);
    long measureStart = System.nanoTime();
    if (probe != null) {
      probe.start();
    }
    while (System.nanoTime() < hardEnd && measured.get() < maxRequests && anyAlive(workers)) {
      Thread.sleep(20);
    }
    for (Thread t : workers) {
      t.join(Math.max(1, (hardEnd - System.nanoTime()) / 1_000_000 + 65_000));
    }
    long measureEnd = System.nanoTime();
    stop.set(true);
    Map<String, Double> extra = probe == null ? new LinkedHashMap<>() : probe.stop();
    long total = 0;
    for (long[] l : perWorker) {
      total += l.length;
    }
    long[] all = new long[(int) total];
    int i = 0;
    for (long[] l : perWorker) {
      System.arraycopy(l, 0, all, i, l.length);
      i += l.length;
    }
    Arrays.sort(all);
    double seconds = (measureEnd - measureStart) / 1e9;
    return new Level(clients, all.length, errors.get(), seconds, all.length / seconds,
        all.length == 0 ? Double.NaN : all[0] / 1e6, pct(all, 50), pct(all, 90), pct(all, 99),
        all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6, firstError[0], extra);
  }

  static boolean anyAlive(List<Thread> threads) {
    for (Thread t : threads) {
      if (t.isAlive()) {
        return true;
      }
    }
    return false;
  }

  static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      Thread.sleep(Math.max(1, Math.min(100, left / 1_000_000)));
    }
  }

  /** Nearest-rank percentile in milliseconds. */
  static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] / 1e6;
  }

  // ------------------------------------------------------------------------------------------------ probes

  /** Measures around a load level: CPU of the server and the database, database counters, heap and RSS. */
  static final class Probe {
    final long serverPid;
    final long dbPid;
    final boolean memory;
    final String jfrFile;
    long[] cpuServer0;
    long[] cpuDb0;
    long[] cpuSelf0;
    long[] machine0;
    long wall0;
    Map<String, Long> status0;
    Process jstat;
    final List<Double> heapSamples = Collections.synchronizedList(new ArrayList<>());
    final List<Double> rssSamples = Collections.synchronizedList(new ArrayList<>());
    Thread rssThread;
    volatile boolean running;
    /** jstat's sampling interval; the organisation import samples every 500 ms like the RSS. */
    int jstatMs = 1000;

    Probe(long serverPid, long dbPid, boolean memory, String jfrFile) {
      this.serverPid = serverPid;
      this.dbPid = dbPid;
      this.memory = memory;
      this.jfrFile = jfrFile;
    }

    void start() throws Exception {
      running = true;
      if (jfrFile != null && serverPid > 0) {
        run("jcmd", String.valueOf(serverPid), "JFR.start", "name=bench", "settings=" + jfrSettings(),
            "filename=" + jfrFile);
      }
      cpuServer0 = cpuTicks(serverPid);
      cpuDb0 = cpuTicks(dbPid);
      cpuSelf0 = cpuTicks(ProcessHandle.current().pid());
      machine0 = machineTicks();
      wall0 = System.nanoTime();
      status0 = dbStatus();
      if (memory && serverPid > 0) {
        jstat = new ProcessBuilder("jstat", "-gc", String.valueOf(serverPid), String.valueOf(jstatMs)).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
          try (BufferedReader r = new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
            String header = null;
            String line;
            while ((line = r.readLine()) != null) {
              String[] f = line.trim().split("\\s+");
              if (line.contains("EU")) {
                header = line;
                continue;
              }
              if (header == null) {
                continue;
              }
              List<String> names = Arrays.asList(header.trim().split("\\s+"));
              double used = 0;
              for (String col : List.of("S0U", "S1U", "EU", "OU")) {
                used += Double.parseDouble(f[names.indexOf(col)]);
              }
              heapSamples.add(used / 1024.0);
            }
          } catch (Exception ignored) {
            // jstat ended
          }
        }, "jstat-reader");
        reader.setDaemon(true);
        reader.start();
        rssThread = new Thread(() -> {
          while (running) {
            rssSamples.add(rssKb(serverPid) / 1024.0);
            try {
              Thread.sleep(500);
            } catch (InterruptedException e) {
              return;
            }
          }
        }, "rss-sampler");
        rssThread.setDaemon(true);
        rssThread.start();
      }
    }

    Map<String, Double> stop() throws Exception {
      running = false;
      Map<String, Double> out = new LinkedHashMap<>();
      long[] cpuServer1 = cpuTicks(serverPid);
      long[] cpuDb1 = cpuTicks(dbPid);
      long[] cpuSelf1 = cpuTicks(ProcessHandle.current().pid());
      long[] machine1 = machineTicks();
      double wall = (System.nanoTime() - wall0) / 1e9;
      Map<String, Long> status1 = dbStatus();
      if (machine0 != null && machine1 != null) {
        double busy = (machine1[0] - machine0[0]) / 100.0;
        double all = (machine1[1] - machine0[1]) / 100.0;
        out.put("cpu_machine_busy_s", busy);
        out.put("cpu_machine_busy_share", busy / Math.max(1e-9, all));
        double known = 0;
        for (long[][] pair : new long[][][] {{cpuServer0, cpuServer1}, {cpuDb0, cpuDb1}, {cpuSelf0, cpuSelf1}}) {
          if (pair[0] != null && pair[1] != null) {
            known += (pair[1][0] + pair[1][1] - pair[0][0] - pair[0][1]) / 100.0;
          }
        }
        out.put("cpu_others_cpus", Math.max(0, busy - known) / Math.max(1e-9, wall));
      }
      if (cpuSelf0 != null && cpuSelf1 != null) {
        out.put("cpu_loadgen_s", (cpuSelf1[0] + cpuSelf1[1] - cpuSelf0[0] - cpuSelf0[1]) / 100.0);
      }
      if (cpuServer0 != null && cpuServer1 != null) {
        out.put("cpu_server_s", (cpuServer1[0] + cpuServer1[1] - cpuServer0[0] - cpuServer0[1]) / 100.0);
      }
      if (cpuDb0 != null && cpuDb1 != null) {
        out.put("cpu_db_s", (cpuDb1[0] + cpuDb1[1] - cpuDb0[0] - cpuDb0[1]) / 100.0);
      }
      if (status0 != null && status1 != null) {
        for (String k : status1.keySet()) {
          Long before = status0.get(k);
          if (before != null) {
            double delta = status1.get(k) - before;
            out.put("db_" + k.toLowerCase(Locale.ROOT), k.endsWith("_TIME") ? delta / 1e6 : delta);
          }
        }
      }
      if (jstat != null) {
        jstat.destroy();
        jstat.waitFor();
        if (!heapSamples.isEmpty()) {
          out.put("heap_used_max_mb", heapSamples.stream().mapToDouble(Double::doubleValue).max().orElse(0));
          out.put("heap_used_avg_mb", heapSamples.stream().mapToDouble(Double::doubleValue).average().orElse(0));
        }
        String info = run("jcmd", String.valueOf(serverPid), "GC.heap_info");
        Matcher m = Pattern.compile("heap\\s+total\\s+(\\d+)K, used (\\d+)K").matcher(info);
        if (m.find()) {
          out.put("heap_committed_mb", Long.parseLong(m.group(1)) / 1024.0);
          out.put("heap_used_end_mb", Long.parseLong(m.group(2)) / 1024.0);
        }
        String flags = run("jcmd", String.valueOf(serverPid), "VM.flags");
        Matcher mx = Pattern.compile("MaxHeapSize=(\\d+)").matcher(flags);
        if (mx.find()) {
          out.put("heap_max_mb", Long.parseLong(mx.group(1)) / 1048576.0);
        }
      }
      if (!rssSamples.isEmpty()) {
        out.put("rss_max_mb", rssSamples.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        out.put("rss_avg_mb", rssSamples.stream().mapToDouble(Double::doubleValue).average().orElse(0));
      }
      if (jfrFile != null && serverPid > 0) {
        run("jcmd", String.valueOf(serverPid), "JFR.stop", "name=bench");
      }
      return out;
    }
  }

  /** Server-wide counters (MySQL and MariaDB alike); the bench database is not alone on the server. */
  /** bench/profile.jfc (CPU and native samples only) unless --jfr-settings names another. */
  static String jfrSettings() {
    return opt("jfr-settings", Path.of(opt("processes", "bench/processes")).toAbsolutePath().getParent()
        .resolve("profile.jfc").toString());
  }

  static final String[] DB_COUNTERS = {"Questions", "Com_select", "Com_insert", "Com_update", "Com_delete",
      "Com_commit", "Com_rollback", "Handler_write", "Handler_update", "Handler_delete", "Handler_read_key",
      "Handler_read_next", "Handler_read_rnd_next", "Innodb_data_fsyncs", "Innodb_buffer_pool_reads"};

  /** MariaDB's per-account statistics (userstat=1): the bench account alone, whatever else the server serves. */
  static final String[] USER_COUNTERS = {"BUSY_TIME", "CPU_TIME", "ROWS_READ", "ROWS_INSERTED", "ROWS_UPDATED",
      "ROWS_DELETED", "SELECT_COMMANDS", "UPDATE_COMMANDS", "OTHER_COMMANDS", "COMMIT_TRANSACTIONS"};

  static Map<String, Long> dbStatus() {
    if (!"true".equals(opt("db-counters", "true"))) {
      return null;
    }
    Map<String, Long> out = new LinkedHashMap<>();
    // USER_STATISTICS shows other accounts' rows only to an account with the PROCESS privilege: ask as root.
    try (Connection c = connect("", opt("db-root-user", "root"), opt("db-root-password", ""))) {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "select " + String.join(", ", USER_COUNTERS) + " from information_schema.USER_STATISTICS where @@userstat = 1 and USER = '"
              + opt("db-user", "lianhu_bench") + "'")) {
        if (rs.next()) {
          for (String k : USER_COUNTERS) {
            // times in microseconds so that they fit the long counters
            out.put("user_" + k, k.endsWith("_TIME") ? Math.round(rs.getDouble(k) * 1e6) : rs.getLong(k));
          }
        }
      } catch (SQLException notMariaDbOrOff) {
        // USER_STATISTICS is MariaDB's (and Percona's); without it only the server-wide counters remain
      }
    } catch (Exception e) {
      return null;
    }
    try (Connection c = db(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS")) {
      Set<String> wanted = new HashSet<>(Arrays.asList(DB_COUNTERS));
      while (rs.next()) {
        String name = rs.getString(1);
        for (String w : wanted) {
          if (w.equalsIgnoreCase(name)) {
            out.put(w, Long.parseLong(rs.getString(2)));
          }
        }
      }
    } catch (Exception e) {
      return null;
    }
    return out;
  }

  /** utime, stime in clock ticks (USER_HZ = 100 on Linux). */
  static long[] cpuTicks(long pid) {
    if (pid <= 0) {
      return null;
    }
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
    } catch (IOException e) {
      return null;
    }
  }

  static final int CPUS = Runtime.getRuntime().availableProcessors();

  /** Machine-wide busy and total ticks from /proc/stat (busy = all but idle and iowait). */
  static long[] machineTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < Math.min(f.length, 9); i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (Exception e) {
      return null;
    }
  }

  static long rssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      // process gone
    }
    return 0;
  }

  static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  // ------------------------------------------------------------------------------------------------ HTTP loads

  static List<Integer> levels() {
    List<Integer> out = new ArrayList<>();
    for (String s : opt("levels", "1,8,32").split(",")) {
      out.add(Integer.parseInt(s.trim()));
    }
    return out;
  }

  static Call callFor(String target) throws Exception {
    return switch (target) {
      case "intake" -> intakeCall();
      case "vanilla" -> vanillaCall(adminAuth());
      case "lookup" -> lookupCall();
      case "stats" -> statsCall();
      case "photo" -> photoCall();
      case "photo-multipart" -> photoMultipartCall();
      default -> throw new IllegalArgumentException(target);
    };
  }

  /** One HTTP target at each level of --levels (used for lookups and the KPI API). */
  static void httpLoad(String target) throws Exception {
    Call call = callFor(target);
    if (call == null) {
      return;
    }
    long failures = 0;
    for (int clients : levels()) {
      failures += measure(target, call, clients, optDouble("warmup-s", 5), optDouble("duration-s", 20),
          Long.parseLong(opt("max-requests", "1000000")), probeFor(target, clients)) ? 0 : 1;
    }
    if (failures > 0) {
      throw new BenchFailure(target + ": " + failures + " level(s) with errors or without a single success");
    }
  }

  static Probe probeFor(String target, int clients) {
    long serverPid = target.equals("dbinsert") ? 0 : Long.parseLong(opt("server-pid", "0"));
    long dbPid = Long.parseLong(opt("db-pid", "0"));
    boolean memory = (target.equals("intake") || target.startsWith("photo")) && clients == optInt("memory-level", -1);
    return new Probe(serverPid, dbPid, memory, null);
  }

  /** Runs and records one level; false when it had errors or no success at all. */
  static boolean measure(String target, Call call, int clients, double warmup, double duration, long maxRequests,
      Probe probe) throws Exception {
    return measure(target, call, clients, warmup, duration, maxRequests, probe,
        opt("key-prefix", target));
  }

  static boolean measure(String target, Call call, int clients, double warmup, double duration, long maxRequests,
      Probe probe, String prefix) throws Exception {
    Level level = runLevel(clients, warmup, duration, maxRequests, call, probe);
    String key = prefix + ".c" + clients;
    put(key + ".ok", level.ok());
    put(key + ".errors", level.errors());
    put(key + ".seconds", level.seconds());
    put(key + ".throughput", level.throughput());
    put(key + ".p50_ms", level.p50());
    put(key + ".p90_ms", level.p90());
    put(key + ".p99_ms", level.p99());
    put(key + ".max_ms", level.max());
    for (Map.Entry<String, Double> e : level.extra().entrySet()) {
      put(key + "." + e.getKey(), e.getValue());
    }
    if (level.firstError() != null) {
      put(key + ".first_error", level.firstError());
    }
    log("%-8s %3d clients: %6d ok, %d errors in %.1f s = %8.1f /s   p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %7.2f ms%s",
        prefix, clients, level.ok(), level.errors(), level.seconds(), level.throughput(), level.p50(),
        level.p90(), level.p99(), level.max(), level.firstError() == null ? "" : "   first error: " + level.firstError());
    Map<String, Double> x = level.extra();
    if (x.containsKey("db_user_busy_time")) {
      double n = Math.max(1, level.ok());
      log("         bench account on the database, per request: busy %.2f ms (CPU %.2f ms), %.1f SELECT, %.1f INSERT/UPDATE/DELETE, "
          + "%.1f other, %.1f commits, %.1f rows read, %.1f rows inserted", 1000 * x.get("db_user_busy_time") / n,
          1000 * x.get("db_user_cpu_time") / n, x.get("db_user_select_commands") / n, x.get("db_user_update_commands") / n,
          x.get("db_user_other_commands") / n, x.get("db_user_commit_transactions") / n, x.get("db_user_rows_read") / n,
          x.get("db_user_rows_inserted") / n);
    }
    if (x.containsKey("cpu_machine_busy_s")) {
      double n = Math.max(1, level.ok());
      log("         per request: server CPU %.2f ms, database CPU %.2f ms, %.1f statements (%.1f SELECT, %.1f INSERT, "
          + "%.1f UPDATE, %.1f COMMIT); machine busy %.0f%% of %d CPUs, other processes %.2f CPUs",
          1000 * x.getOrDefault("cpu_server_s", Double.NaN) / n, 1000 * x.getOrDefault("cpu_db_s", Double.NaN) / n,
          x.getOrDefault("db_questions", Double.NaN) / n, x.getOrDefault("db_com_select", Double.NaN) / n,
          x.getOrDefault("db_com_insert", Double.NaN) / n, x.getOrDefault("db_com_update", Double.NaN) / n,
          x.getOrDefault("db_com_commit", Double.NaN) / n, 100 * x.get("cpu_machine_busy_share"), CPUS,
          x.getOrDefault("cpu_others_cpus", Double.NaN));
    }
    if (x.containsKey("heap_used_max_mb")) {
      log("         heap used max %.0f MiB (avg %.0f, committed %.0f, max heap %.0f); RSS max %.0f MiB (avg %.0f)",
          x.get("heap_used_max_mb"), x.get("heap_used_avg_mb"), x.getOrDefault("heap_committed_mb", Double.NaN),
          x.getOrDefault("heap_max_mb", Double.NaN), x.getOrDefault("rss_max_mb", Double.NaN),
          x.getOrDefault("rss_avg_mb", Double.NaN));
    }
    return level.ok() > 0 && level.errors() == 0;
  }

  /**
   * Intake and its two baselines, interleaved level by level so that each ratio compares figures taken minutes
   * apart on the same database: Lianhu's POST /api/cases, vanilla engine-rest start, single-row insert.
   */
  static void intakeSuite() throws Exception {
    double warmup = optDouble("warmup-s", 5);
    double duration = optDouble("duration-s", 20);
    double dbDuration = optDouble("db-duration-s", 10);
    long maxRequests = Long.parseLong(opt("max-requests", "1000000"));
    double prewarm = optDouble("prewarm-s", 20);
    List<String> failures = new ArrayList<>();
    if (prewarm > 0) {
      log("pre-warming the server (JIT, pools, caches): %.0f s of intake and %.0f s of vanilla starts at 8 clients",
          prewarm, prewarm / 2);
      Level w1 = runLevel(8, 0, prewarm, maxRequests, intakeCall(), null);
      Level w2 = runLevel(8, 0, prewarm / 2, maxRequests, vanillaCall(adminAuth()), null);
      if (w1.errors() > 0 || w2.errors() > 0) {
        throw new BenchFailure("errors while warming up: " + w1.firstError() + " / " + w2.firstError());
      }
    }
    for (int clients : levels()) {
      for (String target : List.of("intake", "vanilla", "dbinsert")) {
        boolean ok;
        if (target.equals("dbinsert")) {
          ok = dbInsertLevel(clients, Math.min(warmup, 2), dbDuration, maxRequests);
        } else {
          ok = measure(target, callFor(target), clients, warmup, duration, maxRequests, probeFor(target, clients));
        }
        if (!ok) {
          failures.add(target + "@" + clients);
        }
      }
    }
    // Profiles in passes of their own, so that recording does not touch the figures above.
    double profileS = optDouble("profile-s", 15);
    if (opt("jfr-dir", null) != null && profileS > 0) {
      long serverPid = Long.parseLong(opt("server-pid", "0"));
      for (String target : List.of("intake", "vanilla")) {
        Probe probe = new Probe(serverPid, Long.parseLong(opt("db-pid", "0")), false, jfrPath(target + "-c8.jfr"));
        if (!measure(target, callFor(target), 8, 0, profileS, maxRequests, probe, "profile." + target)) {
          failures.add("profile " + target);
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new BenchFailure("levels with errors: " + failures);
    }
  }

  // ------------------------------------------------------------------------------------------------ DB insert

  /**
   * A mail server for the outbox step: answers SMTP just enough for a client to hand over messages
   * (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and counts them, with the time of the first and last.
   */
  static final class SmtpSink implements AutoCloseable {
    final java.net.ServerSocket server;
    final AtomicLong messages = new AtomicLong();
    volatile long firstNanos;
    volatile long lastNanos;

    SmtpSink(int port) throws IOException {
      server = new java.net.ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress());
      Thread acceptor = new Thread(this::accept, "smtp-sink");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          java.net.Socket socket = server.accept();
          Thread t = new Thread(() -> serve(socket), "smtp-sink-conn");
          t.setDaemon(true);
          t.start();
        } catch (IOException closed) {
          return;
        }
      }
    }

    private void serve(java.net.Socket socket) {
      try (socket;
          BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
          OutputStream out = socket.getOutputStream()) {
        reply(out, "220 bench smtp sink");
        String line;
        while ((line = in.readLine()) != null) {
          String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
          switch (verb) {
            case "EHLO", "HELO" -> reply(out, "250 bench");
            case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
            case "DATA" -> {
              reply(out, "354 go ahead");
              String data;
              while ((data = in.readLine()) != null && !data.equals(".")) {
                // the message's lines
              }
              long now = System.nanoTime();
              if (messages.incrementAndGet() == 1) {
                firstNanos = now;
              }
              lastNanos = now;
              reply(out, "250 queued");
            }
            case "QUIT" -> {
              reply(out, "221 bye");
              return;
            }
            default -> reply(out, "502 not implemented");
          }
        }
      } catch (IOException gone) {
        // client closed
      }
    }

    private static void reply(OutputStream out, String text) throws IOException {
      out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  /**
   * The outbox's delivery rate: --emails messages queued at once (rows as a step writes them), then
   * delivered by the server's worker to the SMTP sink; rate from the first to the last message the
   * sink received, checked against the rows marked SENT.
   */
  static void outbox() throws Exception {
    int n = optInt("emails", 5000);
    try (SmtpSink sink = new SmtpSink(optInt("smtp-port", 2525)); Connection c = db()) {
      String run = "bench-" + RUN_ID;
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO notification (event, case_no, recipient, recipient_name, channel, address, subject, body, status,"
              + " attempts, next_attempt_at, created_at) VALUES ('CASE_CLOSED', ?, ?, '压测', 'EMAIL', ?, ?, ?, 'PENDING', 0,"
              + " NOW(3) - INTERVAL 1 DAY, NOW(3))")) {
        for (int i = 0; i < n; i++) {
          ps.setString(1, run);
          ps.setString(2, "user:bench" + i);
          ps.setString(3, "bench" + i + "@example.org");
          ps.setString(4, "事件 " + run + " 已结案（" + i + "）");
          ps.setString(5, "压测用户您好：事件 " + run + " 已结案。感谢您对社区治理的支持。");
          ps.addBatch();
          if (i % 1000 == 999) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      }
      c.commit();
      c.setAutoCommit(true);
      long t0 = System.nanoTime();
      long deadline = t0 + Duration.ofSeconds(optInt("timeout-s", 300)).toNanos();
      long sent = 0;
      while (System.nanoTime() < deadline) {
        try (PreparedStatement q = c.prepareStatement(
            "SELECT count(*) FROM notification WHERE case_no = ? AND status = 'SENT'")) {
          q.setString(1, run);
          try (ResultSet rs = q.executeQuery()) {
            rs.next();
            sent = rs.getLong(1);
          }
        }
        if (sent >= n) {
          break;
        }
        Thread.sleep(200);
      }
      double seconds = (sink.lastNanos - sink.firstNanos) / 1e9;
      double rate = sink.messages.get() <= 1 ? 0 : (sink.messages.get() - 1) / seconds;
      put("outbox.emails", n);
      put("outbox.sink_received", sink.messages.get());
      put("outbox.rows_sent", sent);
      put("outbox.seconds", seconds);
      put("outbox.per_second", rate);
      log("outbox: %d e-mails queued, %d received by the SMTP sink, %d rows SENT; %.1f s from the first to the last = %.0f e-mails/s",
          n, sink.messages.get(), sent, seconds, rate);
      if (sent < n || sink.messages.get() < n) {
        throw new BenchFailure("outbox: only " + sent + " of " + n + " sent within the timeout");
      }
    }
  }

  static void dbInsert() throws Exception {
    for (int clients : levels()) {
      if (!dbInsertLevel(clients, optDouble("warmup-s", 2), optDouble("duration-s", 10),
          Long.parseLong(opt("max-requests", "10000000")))) {
        throw new BenchFailure("db insert at " + clients + " clients failed");
      }
    }
  }

  /** Autocommit single-row INSERTs into bench_insert (database lianhu_bench_vanilla), one connection per client. */
  static boolean dbInsertLevel(int clients, double warmup, double duration, long maxRequests) throws Exception {
    List<Connection> pool = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Connection c = vanillaDb();
      c.setAutoCommit(true);
      pool.add(c);
    }
    ThreadLocal<PreparedStatement> statement = new ThreadLocal<>();
    AtomicLong next = new AtomicLong();
    Call call = seq -> {
      PreparedStatement ps = statement.get();
      if (ps == null) {
        ps = pool.get((int) (next.getAndIncrement() % pool.size()))
            .prepareStatement("INSERT INTO bench_insert (payload, created_at) VALUES (?, NOW(3))");
        statement.set(ps);
      }
      ps.setString(1, "和平里东街12号楼下垃圾堆积三天 " + seq);
      return ps.executeUpdate() == 1 ? null : "insert did not insert";
    };
    try {
      return measure("dbinsert", call, clients, warmup, duration, maxRequests, probeFor("dbinsert", clients));
    } finally {
      for (Connection c : pool) {
        c.close();
      }
    }
  }

  /**
   * Rows written per request, by table: exact counts of every table before and after {@code n} sequential requests
   * of each kind. This is the "what does one report cost" profile of the intake.
   */
  static void rowsPerRequest() throws Exception {
    int n = optInt("n", 50);
    for (String target : opt("targets", "intake,vanilla").split(",")) {
      Map<String, Long> before = tableCounts();
      Call call = callFor(target);
      for (int i = 0; i < n; i++) {
        String failure = call.call(SEQ.incrementAndGet());
        if (failure != null) {
          throw new BenchFailure(failure);
        }
      }
      Map<String, Long> after = tableCounts();
      List<String> parts = new ArrayList<>();
      double total = 0;
      TreeMap<Double, List<String>> byRows = new TreeMap<>(Comparator.reverseOrder());
      for (String table : after.keySet()) {
        double perRequest = (after.get(table) - before.getOrDefault(table, 0L)) / (double) n;
        if (perRequest != 0) {
          total += perRequest;
          byRows.computeIfAbsent(perRequest, k -> new ArrayList<>()).add(table);
        }
      }
      byRows.forEach((rows, tables) -> tables.forEach(t -> parts.add(t + " " + f(rows, rows % 1 == 0 ? 0 : 1))));
      put("rows." + target + ".total", total);
      put("rows." + target + ".tables", String.join(", ", parts));
      log("rows left behind per %s request (%d requests): %.1f in total: %s", target, n, total, String.join(", ", parts));
    }
  }

  static Map<String, Long> tableCounts() throws Exception {
    Map<String, Long> out = new TreeMap<>();
    try (Connection c = db()) {
      List<String> tables = new ArrayList<>();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "select table_name from information_schema.tables where table_schema = database() and table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        out.put(t, queryLong(c, "select count(*) from `" + t + "`"));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------------ timers

  static final String PAST = "2000-01-01 00:00:00";

  /** Creates {@code n} instances/cases with {@code call} at the given concurrency, failing on any error. */
  static void create(String what, int n, Call call) throws Exception {
    int clients = optInt("create-clients", 8);
    long t0 = System.nanoTime();
    Level level = runLevel(clients, 0, optDouble("create-timeout-s", 900), n, call, null);
    log("created %d %s in %.1f s (%.0f /s, %d clients)", level.ok(), what, (System.nanoTime() - t0) / 1e9,
        level.throughput(), clients);
    if (level.errors() > 0 || level.ok() < n) {
      throw new BenchFailure("creating " + what + ": " + level.ok() + " of " + n + " created, first error: "
          + level.firstError());
    }
  }

  record Drain(long jobs, double firstDoneS, double allDoneS, double drainS, double ratePerS, long failed) {}

  /**
   * Moves the due date of the selected timer jobs into the past in one statement and polls until none of them is
   * left (or a job failed every retry). Times are from the commit of the update.
   */
  static Drain drain(String label, String jobSelection, long expected, String jfrFile, long serverPid)
      throws Exception {
    double timeout = optDouble("drain-timeout-s", 900);
    try (Connection c = db()) {
      c.setAutoCommit(true);
      long selected = queryLong(c, "select count(*) from ACT_RU_JOB j where " + jobSelection);
      if (selected != expected) {
        throw new BenchFailure(label + ": expected " + expected + " timer jobs, found " + selected);
      }
      if (jfrFile != null && serverPid > 0) {
        run("jcmd", String.valueOf(serverPid), "JFR.start", "name=bench-timers", "settings=" + jfrSettings(),
            "filename=" + jfrFile);
      }
      long[] cpu0 = cpuTicks(serverPid);
      long[] cpuDb0 = cpuTicks(Long.parseLong(opt("db-pid", "0")));
      // Tag the jobs by their due date; a job that ran is deleted, a failing one keeps the date and loses retries.
      c.setAutoCommit(false);
      int moved;
      try (Statement st = c.createStatement()) {
        moved = st.executeUpdate("update ACT_RU_JOB j set j.DUEDATE_ = '" + PAST + "' where " + jobSelection);
      }
      c.commit();
      long t0 = System.nanoTime();
      c.setAutoCommit(true);
      boolean nudge = "true".equals(opt("nudge", "true"));
      if (nudge) {
        HttpResponse<String> r = postJson("/engine-rest/process-definition/key/benchNudge/start", "{}", adminAuth(), null);
        if (r.statusCode() != 200) {
          throw new BenchFailure("could not start benchNudge: " + r.statusCode() + " " + abbreviate(r.body()));
        }
      }
      put("timers." + label + ".nudged", nudge);
      log("%s: %d timer jobs now due%s", label, moved, nudge ? "; job executor nudged" : "");
      double firstDone = -1;
      long left = moved;
      long failed = 0;
      double lastReport = 0;
      while (true) {
        Thread.sleep(100);
        double now = (System.nanoTime() - t0) / 1e9;
        left = queryLong(c, "select count(*) from ACT_RU_JOB where DUEDATE_ = '" + PAST + "' and TYPE_ = 'timer'");
        if (firstDone < 0 && left < moved) {
          firstDone = now;
        }
        if (left == 0) {
          break;
        }
        failed = queryLong(c, "select count(*) from ACT_RU_JOB where DUEDATE_ = '" + PAST
            + "' and TYPE_ = 'timer' and (RETRIES_ < 3 or EXCEPTION_MSG_ is not null)");
        if (failed > 0 && failed == left) {
          log("%s: %d jobs left, all failing", label, left);
          break;
        }
        if (now - lastReport >= 10) {
          log("%s: %.0f s, %d of %d left", label, now, left, moved);
          lastReport = now;
        }
        if (now > timeout) {
          log("%s: timeout after %.0f s with %d jobs left", label, now, left);
          break;
        }
      }
      double all = (System.nanoTime() - t0) / 1e9;
      long[] cpu1 = cpuTicks(serverPid);
      long[] cpuDb1 = cpuTicks(Long.parseLong(opt("db-pid", "0")));
      if (jfrFile != null && serverPid > 0) {
        run("jcmd", String.valueOf(serverPid), "JFR.stop", "name=bench-timers");
      }
      long done = moved - left;
      double drainS = all - Math.max(0, firstDone);
      Drain d = new Drain(done, firstDone, all, drainS, done / Math.max(1e-9, drainS), failed);
      String key = "timers." + label;
      put(key + ".jobs", moved);
      put(key + ".done", done);
      put(key + ".failed", failed);
      put(key + ".first_done_s", firstDone);
      put(key + ".all_done_s", all);
      put(key + ".drain_s", drainS);
      put(key + ".rate_per_s", d.ratePerS());
      put(key + ".rate_incl_wakeup_per_s", done / Math.max(1e-9, all));
      if (cpu0 != null && cpu1 != null) {
        put(key + ".cpu_server_s", (cpu1[0] + cpu1[1] - cpu0[0] - cpu0[1]) / 100.0);
      }
      if (cpuDb0 != null && cpuDb1 != null) {
        put(key + ".cpu_db_s", (cpuDb1[0] + cpuDb1[1] - cpuDb0[0] - cpuDb0[1]) / 100.0);
      }
      log("%s: %d of %d done; first after %.2f s (job executor wake-up), all after %.2f s; drain %.2f s = %.1f jobs/s",
          label, done, moved, firstDone, all, drainS, d.ratePerS());
      if (left > 0) {
        throw new BenchFailure(label + ": " + left + " timer jobs did not run (" + failed + " failing)");
      }
      return d;
    }
  }

  static String jfrPath(String name) {
    String dir = opt("jfr-dir", null);
    return dir == null ? null : Path.of(dir, name).toAbsolutePath().toString();
  }

  static void timersBaseline() throws Exception {
    int n = optInt("jobs", 10000);
    create("benchEmptyTimer instances", n, emptyTimerCall());
    drain("empty", "j.TYPE_ = 'timer' and j.JOB_DEF_ID_ in (select ID_ from ACT_RU_JOBDEF where PROC_DEF_KEY_ = "
        + "'benchEmptyTimer')", n, jfrPath("timers-empty.jfr"), Long.parseLong(opt("server-pid", "0")));
  }

  static void timersEscalation() throws Exception {
    int n = optInt("cases", 10000);
    long firstId;
    try (Connection c = db()) {
      firstId = queryLong(c, "select coalesce(max(id), 0) from case_record") + 1;
    }
    create("cases through POST /api/cases", n, intakeCall());
    long lastId;
    try (Connection c = db()) {
      lastId = queryLong(c, "select max(id) from case_record");
    }
    String selection = "j.TYPE_ = 'timer' and j.JOB_DEF_ID_ in (select ID_ from ACT_RU_JOBDEF where ACT_ID_ = "
        + "'responseOverdueTimer') and j.PROCESS_INSTANCE_ID_ in (select process_instance_id from case_record "
        + "where id between " + firstId + " and " + lastId + ")";
    drain("escalation", selection, n, jfrPath("timers-escalation.jfr"), Long.parseLong(opt("server-pid", "0")));
    try (Connection c = db()) {
      long escalated = queryLong(c, "select count(distinct case_id) from case_timeline where action = '超期督办' "
          + "and case_id between ? and ?", firstId, lastId);
      long overdue = queryLong(c, "select count(*) from case_record where overdue = true and id between ? and ?",
          firstId, lastId);
      long supervise = queryLong(c, "select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'superviseAcceptance' "
          + "and PROC_INST_ID_ in (select process_instance_id from case_record where id between ? and ?)", firstId,
          lastId);
      put("timers.escalation.timeline_entries", escalated);
      put("timers.escalation.overdue_cases", overdue);
      put("timers.escalation.supervise_tasks", supervise);
      log("escalation check: %d cases with a 超期督办 timeline entry, %d marked overdue, %d 督办 tasks (of %d)",
          escalated, overdue, supervise, n);
      if (escalated != n || overdue != n || supervise != n) {
        throw new BenchFailure("not every case was escalated");
      }
    }
  }

  // ------------------------------------------------------------------------------------------------ history

  static final String[] STREET_OF_GRID = {"dongcheng", "dongcheng", "dongcheng", "dongcheng", "xicheng", "xicheng",
      "xicheng", "xicheng"};

  /**
   * Loads {@code cases} closed historical cases spread over the last {@code months} months, with six timeline
   * entries each, by INSERT ... SELECT from a digits table (portable MySQL 8 / MariaDB SQL, no client-side rows).
   */
  static void loadHistory() throws Exception {
    int cases = optInt("cases", 1_000_000);
    int months = optInt("months", 24);
    int chunk = Math.min(cases, optInt("chunk", 100_000));
    long idBase = 10_000_000L;
    long spreadSeconds = months * 30L * 86400L;
    long step = Math.max(1, spreadSeconds / cases);
    long t0 = System.nanoTime();
    try (Connection c = db()) {
      c.setAutoCommit(true);
      exec(c, "set session foreign_key_checks = 0");
      exec(c, "set session unique_checks = 0");
      exec(c, "drop table if exists bench_digits");
      exec(c, "create table bench_digits (d int not null primary key)");
      exec(c, "insert into bench_digits values (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)");
      exec(c, "drop table if exists bench_steps");
      exec(c, "create table bench_steps (k int not null primary key, action varchar(64) not null, actor varchar(64) not null, "
          + "minutes_after int not null)");
      exec(c, "insert into bench_steps values (1,'事件上报','system',0),(2,'分派受理','system',0),"
          + "(3,'受理：转派职能部门','wangli',120),(4,'派单','system',121),(5,'处置完成','hanxue',2880),"
          + "(6,'结案','system',4320)");
      // n = 0 .. chunk-1 from as many digit tables as needed
      int digits = (int) Math.ceil(Math.log10(chunk));
      StringBuilder from = new StringBuilder();
      StringBuilder n = new StringBuilder();
      for (int i = 0; i < digits; i++) {
        from.append(i == 0 ? "" : " cross join ").append("bench_digits d").append(i);
        n.append(i == 0 ? "" : " + ").append("d").append(i).append(".d * ").append((long) Math.pow(10, i));
      }
      long loaded = 0;
      for (long offset = 0; offset < cases; offset += chunk) {
        long size = Math.min(chunk, cases - offset);
        String seq = "(select " + n + " + " + offset + " as n from " + from + ") s where s.n < " + (offset + size);
        // a deterministic pseudo-random number per case
        String r = "crc32(s.n)";
        String created = "timestampadd(second, -(" + spreadSeconds + " - s.n * " + step + " + " + r + " % 60), now())";
        String grid = "(" + r + " % 8)";
        // compute per-row values in a derived table to keep the select readable
        String derived = "select s.n, " + created + " as created, "
            + "elt(1 + " + grid + ", 'hepingli1','hepingli2','qingnianlu1','qingnianlu2','xinhua1','xinhua2','taoyuan1','taoyuan2') as grid, "
            + "elt(1 + " + grid + ", 'hepingli','hepingli','qingnianlu','qingnianlu','xinhua','xinhua','taoyuan','taoyuan') as community, "
            + "elt(1 + " + grid + ", 'dongcheng','dongcheng','dongcheng','dongcheng','xicheng','xicheng','xicheng','xicheng') as street, "
            + "elt(1 + " + grid + ", '和平里东街8号','和平里西街3号','青年路北段21号','青年路南段9号','新华路东段5号','新华路西段17号','桃园东组2号','桃园西组6号') as address, "
            + "elt(1 + (" + r + " div 8) % 10, 'sanitation','road_damage','streetlight','noise','drainage','water_supply','illegal_construction','elderly_assistance','housing_safety','public_security') as category, "
            + "elt(1 + (" + r + " div 8) % 10, 'urban','municipal','municipal','police','water','water','urban','civil','housing','police') as department, "
            + "elt(1 + (" + r + " div 8) % 10, 'officeUrbanDongcheng','officeMunicipal','officeMunicipal','officePoliceDongcheng','officeWater','officeWater','officeUrbanDongcheng','officeCivil','officeHousing','officePoliceDongcheng') as handler, "
            + "(" + r + " % 50 = 0) as rejected, "
            + "timestampadd(second, (" + r + " div 80) % 108000, " + created + ") as responded, "
            + "timestampadd(day, 7, " + created + ") as handle_due, "
            + "timestampadd(second, 3600 + (" + r + " div 800) % 777600, " + created + ") as resolved "
            + "from " + seq;
        String sql = "insert into case_record (id, case_no, tracking_code, request_fingerprint, idempotency_key, category, "
            + "description, address, grid_code, community_code, street_code, urgency, reporter_name, reporter_phone, "
            + "source, status, department_code, supervising_department_code, handler_group, process_instance_id, "
            + "reopen_count, overdue, rating, rating_comment, reject_reason, result, created_at, response_due, "
            + "responded_at, handle_due, resolved_at, closed_at) "
            + "select " + idBase + " + t.n, concat(year(t.created), '-H', lpad(t.n, 7, '0')), "
            + "upper(substr(md5(concat('bench', t.n)), 1, 8)), null, null, t.category, "
            + "concat(t.address, '楼下垃圾堆积，气味很大，请尽快处理（历史数据 ', t.n, '）'), t.address, "
            + "t.grid, t.community, t.street, if(crc32(t.n) % 20 = 0, 'urgent', 'normal'), '历史用户', "
            + "concat('139', lpad(t.n, 8, '0')), elt(1 + crc32(t.n) % 5, 'resident', 'liaison_head', 'grid_worker', "
            + "'hotline', 'resident'), if(t.rejected, 'REJECTED', 'CLOSED'), if(t.rejected, null, t.department), "
            + "if(t.rejected, null, 'supervision'), if(t.rejected, null, t.handler), null, "
            + "if(crc32(t.n) % 25 = 0, 1, 0), if(t.rejected, false, t.resolved > t.handle_due), "
            + "if(t.rejected, null, elt(1 + crc32(t.n) % 10, 'satisfied', 'satisfied', 'satisfied', 'satisfied', "
            + "'satisfied', 'basically_satisfied', 'basically_satisfied', 'unsatisfied', null, 'satisfied')), null, "
            + "if(t.rejected, '重复上报', null), if(t.rejected, null, '已现场处置完毕'), t.created, "
            + "timestampadd(hour, 24, t.created), t.responded, t.handle_due, if(t.rejected, null, t.resolved), "
            + "timestampadd(hour, 24, coalesce(if(t.rejected, null, t.resolved), t.responded)) "
            + "from (" + derived + ") t";
        long s0 = System.nanoTime();
        int rows = exec(c, sql);
        long s1 = System.nanoTime();
        int entries = exec(c, "insert into case_timeline (case_id, occurred_at, actor, action, remark, public_entry) "
            + "select r.id, timestampadd(minute, st.minutes_after, r.created_at), st.actor, st.action, "
            + "concat('历史数据 ', st.action), true from case_record r cross join bench_steps st "
            + "where r.id between " + (idBase + offset) + " and " + (idBase + offset + size - 1));
        long s2 = System.nanoTime();
        loaded += rows;
        log("history: %d cases (%.1f s) and %d timeline entries (%.1f s); %d of %d loaded", rows, (s1 - s0) / 1e9,
            entries, (s2 - s1) / 1e9, loaded, cases);
      }
      try (Statement st = c.createStatement()) {
        st.execute("analyze table case_record, case_timeline");
      }
      // Rows loaded straight into case_record carry no updated_at: the KPI roll-up (where the jar has one) must
      // be told to rebuild, as docs/performance.md tells an operator after an import.
      if (queryLong(c, "select count(*) from information_schema.tables where table_schema = database() "
          + "and table_name = 'kpi_rollup_state'") > 0) {
        exec(c, "update kpi_rollup_state set built_at = null");
        log("kpi roll-up: marked for a full rebuild at the next KPI request");
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      long total = queryLong(c, "select count(*) from case_record");
      long timeline = queryLong(c, "select count(*) from case_timeline");
      put("history.cases", cases);
      put("history.months", months);
      put("history.load_s", seconds);
      put("history.case_rows_total", total);
      put("history.timeline_rows_total", timeline);
      put("history.case_table_mb", queryLong(c, "select round((data_length + index_length) / 1048576) from "
          + "information_schema.tables where table_schema = database() and table_name = 'case_record'"));
      put("history.timeline_table_mb", queryLong(c, "select round((data_length + index_length) / 1048576) from "
          + "information_schema.tables where table_schema = database() and table_name = 'case_timeline'"));
      log("history loaded in %.1f s: case_record %d rows, case_timeline %d rows", seconds, total, timeline);
    }
  }

  // ------------------------------------------------------------------------------------------------ lookups

  static Call lookupCall() throws Exception {
    int sample = optInt("sample", 2000);
    List<String[]> pairs = new ArrayList<>();
    try (Connection c = db()) {
      long min = queryLong(c, "select min(id) from case_record where id >= 10000000");
      long max = queryLong(c, "select max(id) from case_record where id >= 10000000");
      if (max == 0) {
        throw new BenchFailure("no historical cases loaded");
      }
      Random random = new Random(42);
      StringBuilder ids = new StringBuilder();
      for (int i = 0; i < sample; i++) {
        ids.append(i == 0 ? "" : ",").append(min + (long) (random.nextDouble() * (max - min + 1)));
      }
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("select case_no, tracking_code from case_record where id in (" + ids + ")")) {
        while (rs.next()) {
          pairs.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    Collections.shuffle(pairs, new Random(7));
    return seq -> {
      String[] pair = pairs.get((int) (seq % pairs.size()));
      HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/cases/" + pair[0]))
          .timeout(Duration.ofSeconds(60)).header("X-Tracking-Code", pair[1]).GET().build();
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        return "GET /api/cases/" + pair[0] + " " + r.statusCode() + " " + abbreviate(r.body());
      }
      return r.body().contains("\"timeline\":[{") ? null : "no timeline in " + abbreviate(r.body());
    };
  }

  /** The KPI endpoint, if the jar under test has one (GET /api/stats/kpis); null otherwise. */
  static Call statsCall() throws Exception {
    String auth = basic(opt("staff-user", "majie"), opt("staff-password", "demo"));
    String[] groups = opt("stats-groups", "street,community,department").split(",");
    String probe = "/api/stats/kpis?groupBy=" + groups[0] + "&period=month";
    long t0 = System.nanoTime();
    HttpResponse<String> r = get(probe, auth);
    double firstMs = (System.nanoTime() - t0) / 1e6;
    put("stats_api.probe_status", r.statusCode());
    if (r.statusCode() == 200 && r("stats_api.first_call_ms") == null) {
      // The first KPI request after the history load builds the roll-up from every case.
      put("stats_api.first_call_ms", firstMs);
      log("stats API: first call (roll-up built from the whole history where the jar has one) %.0f ms", firstMs);
    }
    if (r.statusCode() != 200) {
      log("stats API: GET %s answered %d; the jar has no KPI endpoint, only the SQL is measured", probe,
          r.statusCode());
      return null;
    }
    return seq -> {
      String group = groups[(int) (seq % groups.length)];
      HttpResponse<String> answer = get("/api/stats/kpis?groupBy=" + group + "&period=month", auth);
      return answer.statusCode() == 200 ? null : "GET /api/stats/kpis " + answer.statusCode();
    };
  }

  // ------------------------------------------------------------------------------------------------ KPI SQL

  /**
   * The KPI aggregate as the statistics mapper writes it: per unit and month, reported, responded in time (response
   * rate), resolved (resolution rate), rated and satisfied (satisfaction rate), over the API's default window of
   * twelve months and over the whole history.
   */
  static String kpiSql(String groupColumn, String window) {
    String group = groupColumn == null ? "" : groupColumn + ", ";
    String where = switch (window) {
      case "12m" -> "where created_at >= date_sub(curdate(), interval 12 month) and created_at < date_add(curdate(), interval 1 day) ";
      case "all" -> "";
      default -> throw new IllegalArgumentException(window);
    };
    return "select " + (groupColumn == null ? "'all'" : groupColumn) + " as group_code, "
        + "date_format(created_at, '%Y-%m') as period, count(*) as reported, "
        + "sum(case when status = 'REJECTED' then 1 else 0 end) as rejected, "
        + "sum(case when responded_at is not null then 1 else 0 end) as responded, "
        + "sum(case when responded_at is not null and responded_at <= response_due then 1 else 0 end) as responded_in_time, "
        + "sum(case when resolved_at is not null then 1 else 0 end) as resolved, "
        + "sum(case when rating is not null then 1 else 0 end) as rated, "
        + "sum(case when rating in ('satisfied', 'basically_satisfied') then 1 else 0 end) as satisfied, "
        + "sum(case when overdue = true then 1 else 0 end) as overdue, "
        + "coalesce(sum(reopen_count), 0) as reopens, "
        + "sum(case when reopen_count > 0 then 1 else 0 end) as reopened_cases, "
        + "avg(timestampdiff(second, created_at, responded_at)) as avg_response_seconds, "
        + "avg(case when status <> 'REJECTED' then timestampdiff(second, responded_at, resolved_at) end) as avg_handling_seconds "
        + "from case_record " + where
        + "group by " + group + "date_format(created_at, '%Y-%m') order by 2, 1";
  }

  static final String[][] KPI_QUERIES = {
      {"street", "street_code"}, {"community", "community_code"}, {"department", "department_code"},
      {"month", null}};

  static void kpiSql() throws Exception {
    String label = opt("label", "before");
    int reps = optInt("reps", 5);
    String windows = opt("windows", "12m,all");
    try (Connection c = db()) {
      put("kpi." + label + ".indexes", indexes(c));
      for (String window : windows.split(",")) {
        for (String[] q : KPI_QUERIES) {
          String sql = kpiSql(q[1], window);
          timeQuery(c, "kpi." + label + "." + q[0] + "." + window, sql, reps);
        }
      }
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("explain " + kpiSql("street_code", "12m"))) {
        StringBuilder plan = new StringBuilder();
        while (rs.next()) {
          plan.append("type=").append(rs.getString("type")).append(" key=").append(rs.getString("key"))
              .append(" rows=").append(rs.getString("rows")).append(" extra=").append(rs.getString("Extra"));
        }
        put("kpi." + label + ".explain_street_12m", plan.toString());
      }
    }
  }

  static String indexes(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
        "select index_name, group_concat(column_name order by seq_in_index) from information_schema.statistics "
            + "where table_schema = database() and table_name = 'case_record' group by index_name order by index_name")) {
      while (rs.next()) {
        names.add(rs.getString(1) + "(" + rs.getString(2) + ")");
      }
    }
    return String.join(" ", names);
  }

  static void timeQuery(Connection c, String key, String sql, int reps) throws SQLException {
    long[] times = new long[reps];
    int rows = 0;
    try (Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery(sql)) {
        while (rs.next()) {
          rows++;
        }
      }
      for (int i = 0; i < reps; i++) {
        long t0 = System.nanoTime();
        try (ResultSet rs = st.executeQuery(sql)) {
          while (rs.next()) {
            rs.getString(1);
          }
        }
        times[i] = System.nanoTime() - t0;
      }
    }
    Arrays.sort(times);
    put(key + ".rows", rows);
    put(key + ".p50_ms", pct(times, 50));
    put(key + ".max_ms", times[times.length - 1] / 1e6);
    log("%-40s %4d rows   median %8.1f ms   max %8.1f ms   (%d runs after one warm-up)", key, rows, pct(times, 50),
        times[times.length - 1] / 1e6, reps);
  }

  /**
   * The tuning variants: (1) a covering index for the KPI columns, (2) a monthly roll-up table. Both are created in
   * the bench database only; docs/performance.md describes the migration.
   */
  static void kpiTune() throws Exception {
    int reps = optInt("reps", 5);
    try (Connection c = db()) {
      long t0 = System.nanoTime();
      exec(c, "create index ix_case_kpi on case_record (created_at, street_code, community_code, department_code, "
          + "status, response_due, responded_at, resolved_at, rating, overdue, reopen_count)");
      put("kpi.covering.create_s", (System.nanoTime() - t0) / 1e9);
      log("covering index ix_case_kpi created in %.1f s", (System.nanoTime() - t0) / 1e9);
    }
    OPT.put("label", "covering");
    kpiSql();
    try (Connection c = db()) {
      long t0 = System.nanoTime();
      exec(c, "drop table if exists kpi_monthly");
      exec(c, "create table kpi_monthly (month char(7) not null, street_code varchar(32), community_code varchar(32), "
          + "department_code varchar(32), reported int not null, rejected int not null, responded int not null, "
          + "responded_in_time int not null, resolved int not null, rated int not null, satisfied int not null, "
          + "overdue int not null, reopens int not null, response_seconds bigint, "
          + "key ix_kpi_monthly (month, street_code, community_code, department_code))");
      int rows = exec(c, "insert into kpi_monthly select date_format(created_at, '%Y-%m'), street_code, community_code, "
          + "department_code, count(*), sum(case when status = 'REJECTED' then 1 else 0 end), "
          + "sum(case when responded_at is not null then 1 else 0 end), "
          + "sum(case when responded_at is not null and responded_at <= response_due then 1 else 0 end), "
          + "sum(case when resolved_at is not null then 1 else 0 end), sum(case when rating is not null then 1 else 0 end), "
          + "sum(case when rating in ('satisfied', 'basically_satisfied') then 1 else 0 end), "
          + "sum(case when overdue = true then 1 else 0 end), coalesce(sum(reopen_count), 0), "
          + "sum(timestampdiff(second, created_at, responded_at)) from case_record "
          + "group by 1, 2, 3, 4");
      double build = (System.nanoTime() - t0) / 1e9;
      put("kpi.rollup.rows", rows);
      put("kpi.rollup.build_s", build);
      log("roll-up kpi_monthly: %d rows built in %.1f s", rows, build);
      for (String[] q : KPI_QUERIES) {
        String group = q[1] == null ? "'all'" : q[1];
        String sql = "select " + group + " as group_code, month, sum(reported), sum(rejected), sum(responded), "
            + "sum(responded_in_time), sum(resolved), sum(rated), sum(satisfied), sum(overdue), sum(reopens), "
            + "sum(response_seconds) / nullif(sum(responded), 0) from kpi_monthly "
            + "where month >= date_format(date_sub(curdate(), interval 12 month), '%Y-%m') "
            + "group by " + (q[1] == null ? "" : q[1] + ", ") + "month order by 2, 1";
        timeQuery(c, "kpi.rollup." + q[0] + ".12m", sql, reps);
      }
      // What a served KPI would cost with the roll-up holding the closed months and the current month read live
      // from case_record (range on created_at; the covering index makes it an index-only scan).
      for (String[] q : KPI_QUERIES) {
        String group = q[1] == null ? "'all'" : q[1];
        String sql = "select g, month, sum(reported), sum(rejected), sum(responded), sum(responded_in_time), "
            + "sum(resolved), sum(rated), sum(satisfied), sum(overdue), sum(reopens) from ("
            + "select " + group + " as g, month, reported, rejected, responded, responded_in_time, resolved, rated, "
            + "satisfied, overdue, reopens from kpi_monthly "
            + "where month >= date_format(date_sub(curdate(), interval 12 month), '%Y-%m') "
            + "and month < date_format(curdate(), '%Y-%m') "
            + "union all select " + group + ", date_format(created_at, '%Y-%m'), 1, "
            + "case when status = 'REJECTED' then 1 else 0 end, case when responded_at is not null then 1 else 0 end, "
            + "case when responded_at is not null and responded_at <= response_due then 1 else 0 end, "
            + "case when resolved_at is not null then 1 else 0 end, case when rating is not null then 1 else 0 end, "
            + "case when rating in ('satisfied', 'basically_satisfied') then 1 else 0 end, "
            + "case when overdue = true then 1 else 0 end, reopen_count from case_record "
            + "where created_at >= date_format(curdate(), '%Y-%m-01')) u group by g, month order by 2, 1";
        timeQuery(c, "kpi.hybrid." + q[0] + ".12m", sql, reps);
      }
    }
  }

  // ------------------------------------------------------------------------------------------------ organisation

  /**
   * The sizes of the county workbook: the design's target (docs/organisation.md, "Scale") times {@code --org-scale},
   * each overridable by its own option.
   */
  record OrgSizes(int streets, int communities, int grids, int units, int households, int staff, int passwordEvery) {

    int offices() {
      return streets * ORG_HANDLING.length + 1;
    }

    int bodies() {
      return streets * ORG_MEDIATION.length;
    }

    int departments() {
      return ORG_DEPARTMENTS.length;
    }

    int passwords() {
      return (staff + passwordEvery - 1) / passwordEvery;
    }
  }

  static OrgSizes orgSizes() {
    double scale = optDouble("org-scale", 1.0);
    OrgSizes s = new OrgSizes(optInt("streets", scaled(20, scale)), optInt("communities", scaled(400, scale)),
        optInt("grids", scaled(4_000, scale)), optInt("units", scaled(40_000, scale)),
        optInt("households", scaled(500_000, scale)), optInt("staff", scaled(10_000, scale)),
        optInt("password-every", 100));
    if (s.streets() < 1 || s.communities() < 1 || s.grids() < 1 || s.units() < 1 || s.households() < 1
        || s.passwordEvery() < 1) {
      throw new BenchFailure("every level needs at least one row: " + s);
    }
    if (s.staff() < s.grids()) {
      throw new BenchFailure("staff (" + s.staff() + ") must be at least one per grid (" + s.grids() + ")");
    }
    return s;
  }

  static int scaled(int n, double scale) {
    return (int) Math.max(1, Math.round(n * scale));
  }

  /** The parent of child {@code j} when {@code children} rows are spread evenly, in order, over {@code parents}. */
  static int parentOf(long j, long children, long parents) {
    return (int) (j * parents / children);
  }

  /** The first child of parent {@code p} under the same spread (the inverse of {@link #parentOf}). */
  static long firstChild(long p, long children, long parents) {
    return (p * children + parents - 1) / parents;
  }

  // The departments the routing table (processes/case-routing.dmn) names, then the county-wide roles.
  static final String[][] ORG_DEPARTMENTS = {
      {"municipal", "县市政管理处", "deptMunicipal", ""}, {"water", "县水务局", "deptWater", ""},
      {"power", "县供电公司", "deptPower", ""}, {"urban", "县城市管理局", "deptUrban", ""},
      {"police", "县公安局", "deptPolice", ""}, {"civil", "县民政局", "deptCivil", ""},
      {"housing", "县住房和城乡建设局", "deptHousing", ""}, {"supervision", "县政府督查室", "deptSupervision", "督查"},
      {"county_centre", "县综治中心", "countyCentre", "综治中心"}, {"admin", "县数据资源管理局", "countyAdmin", "管理员"}};
  /** The handling departments (the first seven above): every street has an office of each; name before/after street. */
  static final String[][] ORG_HANDLING = {
      {"municipal", "", "市政维修站"}, {"water", "", "供水服务站"}, {"power", "", "供电所"}, {"urban", "城管", "中队"},
      {"police", "", "派出所"}, {"civil", "", "民政服务站"}, {"housing", "", "房屋安全站"}};
  static final String[][] ORG_MEDIATION = {
      {"people", "人民调解", "", "街道人民调解委员会"}, {"administrative", "行政调解", "", "司法所"},
      {"judicial", "司法调解", "县法院", "法庭"}};
  static final String[] STREET_WORDS = {"城关", "东城", "西城", "南关", "北关", "新华", "人民", "解放", "建设", "和平",
      "胜利", "红旗", "文化", "友谊", "光明", "幸福", "长安", "朝阳", "向阳", "团结", "青山", "河西", "江南", "湖滨"};
  static final String[] COMMUNITY_WORDS = {"和平里", "青年路", "新华", "桃园", "杏林", "柳岸", "梅园", "竹林", "松柏", "金桥",
      "银河", "翠苑", "锦绣", "花园", "春晖", "秋实", "清泉", "石桥", "白鹭", "荷塘", "凤凰", "龙湖", "枫林", "丹桂", "紫荆",
      "兰亭", "文昌", "仁和", "永安", "康乐", "福寿", "安居", "长青", "东湖", "西湖", "南苑", "北苑", "滨江", "望江", "临江",
      "芙蓉", "玉泉", "明珠", "华庭", "嘉园", "振兴", "富民", "丰收", "双塔", "五里"};
  static final String NUMERALS = "一二三四五六七八九十";
  static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
      + "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
  static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国玉兰志红梅文斌辉鹏宇浩凯晨欣怡雪琳婷慧颖倩佳琪子轩"
      + "博涵睿嘉俊峰海波宁亮飞鑫晶燕萍兵春林丹云莉淑珍德福永庆长胜";
  static final String[] REGIONS = {"330106", "330110", "330411", "320102", "110105", "440305", "510107", "420106"};
  static final String[] CARE_FLAGS = {"独居老人", "空巢", "留守儿童", "残疾", "低保", "重点关注"};
  static final int[] CARE_EVERY = {17, 23, 31, 41, 29, 97};

  /** A word of the list, with a Chinese ordinal once the list is used up: 桃园, …, 桃园二, 桃园三. */
  static String word(String[] words, long i) {
    long round = i / words.length;
    String w = words[(int) (i % words.length)];
    return round == 0 ? w : w + (round < NUMERALS.length() ? String.valueOf(NUMERALS.charAt((int) round)) : String.valueOf(round + 1));
  }

  /** A plausible Chinese name; distinct for every i below 100 × 70 × 70 when {@code distinct}. */
  static String personName(long i, boolean distinct) {
    long n = (long) SURNAMES.length() * GIVEN.length() * GIVEN.length();
    long x = distinct ? Math.floorMod(i * 7919L, n) : Math.floorMod(i * 104_729L + 12_345L, n);
    String surname = String.valueOf(SURNAMES.charAt((int) (x % SURNAMES.length())));
    long rest = x / SURNAMES.length();
    char g1 = GIVEN.charAt((int) (rest % GIVEN.length()));
    char g2 = GIVEN.charAt((int) ((rest / GIVEN.length()) % GIVEN.length()));
    // about one in five has a one-character given name (only where the names need not be distinct)
    return !distinct && x % 5 == 0 ? surname + g1 : surname + g1 + g2;
  }

  /** A mainland mobile number 1[3-9]xxxxxxxxx, deterministic in i and the seed. */
  static String mobile(long i, long seed) {
    long x = Math.floorMod(i * 2_654_435_761L + seed * 40_503L, 7_000_000_000L);
    return String.format(Locale.ROOT, "1%d%09d", 3 + x % 7, x / 7);
  }

  /** A GB 11643 resident ID number: region, birth date (1940-2014), sequence and the ISO 7064 check character. */
  static String idNumber(long i) {
    java.time.LocalDate birth = java.time.LocalDate.of(1940, 1, 1).plusDays(Math.floorMod(i * 7_919L + 4_000L, 27_000L));
    String body = REGIONS[(int) (i % REGIONS.length)] + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
        + String.format(Locale.ROOT, "%03d", 1 + Math.floorMod(i * 31L, 999L));
    return body + idCheck(body);
  }

  static char idCheck(String first17) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int k = 0; k < 17; k++) {
      sum += (first17.charAt(k) - '0') * weights[k];
    }
    return "10X98765432".charAt(sum % 11);
  }

  static String streetCode(long i) {
    return String.format(Locale.ROOT, "S%03d", i + 1);
  }

  static String communityCode(long i) {
    return String.format(Locale.ROOT, "C%04d", i + 1);
  }

  static String gridCode(long i) {
    return String.format(Locale.ROOT, "G%05d", i + 1);
  }

  static String unitCode(long i) {
    return String.format(Locale.ROOT, "U%06d", i + 1);
  }

  static String householdCode(long i) {
    return String.format(Locale.ROOT, "H%07d", i + 1);
  }

  /** Office i: the handling department i % 7 in street i / 7; the last one is the county-wide supervision office. */
  static String officeCode(OrgSizes s, long i) {
    return i == s.offices() - 1 ? "O-supervision"
        : "O-" + streetCode(i / ORG_HANDLING.length) + "-" + ORG_HANDLING[(int) (i % ORG_HANDLING.length)][0];
  }

  static String bodyCode(long i) {
    return "M-" + streetCode(i / ORG_MEDIATION.length) + "-" + ORG_MEDIATION[(int) (i % ORG_MEDIATION.length)][0];
  }

  static String account(long staffIndex) {
    return String.format(Locale.ROOT, "u%05d", staffIndex + 1);
  }

  static String initialPassword(OrgSizes s, long staffIndex) {
    return staffIndex % s.passwordEvery() == 0 ? "Bench" + (staffIndex + 1) + "Init" : null;
  }

  static String streetWord(long street) {
    return word(STREET_WORDS, street);
  }

  /** A community's name without its kind: the street's word and a word of its own, 东城和平里. */
  static String communityBase(OrgSizes s, long c) {
    int street = parentOf(c, s.communities(), s.streets());
    long local = c - firstChild(street, s.communities(), s.streets());
    return streetWord(street) + word(COMMUNITY_WORDS, local);
  }

  static boolean village(long c) {
    return c % 4 == 3;
  }

  static String communityName(OrgSizes s, long c) {
    return communityBase(s, c) + (village(c) ? "村" : "社区");
  }

  /** A grid's area inside its community: 东城和平里3区. */
  static String gridArea(OrgSizes s, long g) {
    int c = parentOf(g, s.grids(), s.communities());
    return communityBase(s, c) + (g - firstChild(c, s.grids(), s.communities()) + 1) + "区";
  }

  /**
   * The unit of a staff member: (所属层级, 所属单位代码). The first one per grid are the grid workers; then every
   * other unit gets one (departments, streets, communities, offices, mediation bodies), and the rest go to
   * communities (12 in 20), streets (3), offices (4) and mediation bodies (1).
   */
  static String[] staffUnit(OrgSizes s, long i) {
    if (i < s.grids()) {
      return new String[] {"网格", gridCode(i)};
    }
    long k = i - s.grids();
    long[] counts = {s.departments(), s.streets(), s.communities(), s.offices(), s.bodies()};
    for (int level = 0; level < counts.length; level++) {
      if (k < counts[level]) {
        return unitOf(s, level, k);
      }
      k -= counts[level];
    }
    long bucket = k % 20;
    long round = k / 20;
    if (bucket < 12) {
      return unitOf(s, 2, (round * 12 + bucket) % s.communities());
    } else if (bucket < 15) {
      return unitOf(s, 1, (round * 3 + bucket - 12) % s.streets());
    } else if (bucket < 19) {
      return unitOf(s, 3, (round * 4 + bucket - 15) % s.offices());
    }
    return unitOf(s, 4, round % s.bodies());
  }

  static String[] unitOf(OrgSizes s, int level, long k) {
    return switch (level) {
      case 0 -> new String[] {"部门", ORG_DEPARTMENTS[(int) k][0]};
      case 1 -> new String[] {"街道", streetCode(k)};
      case 2 -> new String[] {"社区", communityCode(k)};
      case 3 -> new String[] {"部门站所", officeCode(s, k)};
      default -> new String[] {"调解组织", bodyCode(k)};
    };
  }

  /** One worksheet, written row by row straight into the zip: nothing of the sheet is kept in memory. */
  static final class SheetWriter {
    final java.io.Writer out;
    final StringBuilder line = new StringBuilder(512);
    long rows;

    SheetWriter(java.io.Writer out) {
      this.out = out;
    }

    void row(String... cells) throws IOException {
      rows++;
      line.setLength(0);
      line.append("<row r=\"").append(rows).append("\">");
      for (int i = 0; i < cells.length; i++) {
        String v = cells[i];
        if (v == null || v.isEmpty()) {
          continue; // an empty cell is left out, as spreadsheet programs do
        }
        line.append("<c r=\"").append(column(i)).append(rows).append("\" t=\"inlineStr\"><is><t>");
        for (int k = 0; k < v.length(); k++) {
          char ch = v.charAt(k);
          switch (ch) {
            case '&' -> line.append("&amp;");
            case '<' -> line.append("&lt;");
            case '>' -> line.append("&gt;");
            default -> line.append(ch);
          }
        }
        line.append("</t></is></c>");
      }
      line.append("</row>");
      out.append(line);
    }
  }

  /** The column letters of the 0-based column i: A … Z, AA …. */
  static String column(int i) {
    StringBuilder name = new StringBuilder();
    for (int n = i + 1; n > 0; n = (n - 1) / 26) {
      name.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return name.toString();
  }

  interface SheetBody {
    void write(SheetWriter w) throws IOException;
  }

  static final String XML_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  static final String NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  static final String NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  static final String NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

  /**
   * Writes the county workbook (.xlsx) by hand: the five minimal parts of SpreadsheetML and one worksheet per level,
   * inline-string cells, streamed row by row. Also writes {@code <out>.properties} with its sizes, row counts and
   * the login the import step tries.
   */
  static void orgWorkbook() throws Exception {
    OrgSizes s = orgSizes();
    Path out = Path.of(opt("out", "county.xlsx")).toAbsolutePath();
    Files.createDirectories(out.getParent());
    Path tmp = out.resolveSibling(out.getFileName() + ".part");
    Map<String, SheetBody> sheets = new LinkedHashMap<>();
    sheets.put("街道", w -> {
      w.row("代码", "名称", "用户组", "地址关键词", "停用");
      for (long i = 0; i < s.streets(); i++) {
        w.row(streetCode(i), streetWord(i) + "街道", "gS" + (i + 1), streetWord(i), "");
      }
    });
    sheets.put("社区", w -> {
      w.row("代码", "所属街道", "名称", "类型", "用户组", "地址关键词", "停用");
      for (long i = 0; i < s.communities(); i++) {
        w.row(communityCode(i), streetCode(parentOf(i, s.communities(), s.streets())), communityName(s, i),
            village(i) ? "村" : "社区", "gC" + (i + 1), communityBase(s, i).substring(streetWord(parentOf(i,
                s.communities(), s.streets())).length()), "");
      }
    });
    sheets.put("网格", w -> {
      w.row("代码", "所属社区", "名称", "用户组", "网格员账号", "地址关键词", "最小纬度", "最大纬度", "最小经度", "最大经度", "停用");
      // the county is a 0.4° square; each grid a cell of it, row by row
      int side = (int) Math.ceil(Math.sqrt(s.grids()));
      double cell = 0.4 / side;
      for (long i = 0; i < s.grids(); i++) {
        int c = parentOf(i, s.grids(), s.communities());
        double lat = 30.0 + (i / side) * cell;
        double lng = 120.0 + (i % side) * cell;
        long local = i - firstChild(c, s.grids(), s.communities()) + 1;
        w.row(gridCode(i), communityCode(c), communityName(s, c) + "第" + local + "网格", "gG" + (i + 1), account(i),
            gridArea(s, i).substring(streetWord(parentOf(c, s.communities(), s.streets())).length()),
            coordinate(lat), coordinate(lat + cell), coordinate(lng), coordinate(lng + cell), "");
      }
    });
    sheets.put("联户单元", w -> {
      // Every unit's head has a login (issue #13) unless --heads false: the import's identity work.
      boolean heads = Boolean.parseBoolean(opt("heads", "true"));
      w.row("代码", "所属网格", "名称", "联户长", "联户长电话", "户数", "联户长账号", "联户长初始密码", "停用");
      for (long i = 0; i < s.units(); i++) {
        int g = parentOf(i, s.units(), s.grids());
        int c = parentOf(g, s.grids(), s.communities());
        long local = i - firstChild(g, s.units(), s.grids()) + 1;
        long households = firstChild(i + 1, s.households(), s.units()) - firstChild(i, s.households(), s.units());
        w.row(unitCode(i), gridCode(g), gridArea(s, g) + local + (village(c) ? "组" : "号楼") + "联户单元",
            personName(i, false), mobile(i, 1), String.valueOf(households), heads ? "head" + (i + 1) : "",
            heads ? "head-pw-" + (i + 1) : "", "");
      }
    });
    sheets.put("住户", w -> {
      w.row("代码", "所属联户单元", "地址", "户主", "电话", "身份证号", "人数", "关爱标记", "停用");
      StringBuilder flags = new StringBuilder();
      for (long i = 0; i < s.households(); i++) {
        int u = parentOf(i, s.households(), s.units());
        int g = parentOf(u, s.units(), s.grids());
        int c = parentOf(g, s.grids(), s.communities());
        long unitLocal = u - firstChild(g, s.units(), s.grids()) + 1;
        long local = i - firstChild(u, s.households(), s.units());
        String street = streetWord(parentOf(c, s.communities(), s.streets()));
        String area = gridArea(s, g).substring(communityBase(s, c).length());
        String address = street + "街道" + communityName(s, c).substring(street.length()) + (village(c)
            ? area + unitLocal + "组" + (local + 1) + "号"
            : area + unitLocal + "号楼" + (local % 2 + 1) + "单元" + (local / 2 + 1) + "0" + (local % 2 + 1) + "室");
        flags.setLength(0);
        for (int f = 0; f < CARE_FLAGS.length; f++) {
          if ((i + 7L * f + 3) % CARE_EVERY[f] == 0) {
            flags.append(flags.length() == 0 ? "" : ",").append(CARE_FLAGS[f]);
          }
        }
        w.row(householdCode(i), unitCode(u), address,
            personName(i + 1_000_003L, false), i % 3 == 2 ? "" : mobile(i, 2), i % 2 == 0 ? idNumber(i) : "",
            String.valueOf(1 + i * 31 % 6), flags.toString(), "");
      }
    });
    sheets.put("部门", w -> {
      w.row("代码", "名称", "用户组", "角色", "负责类别", "停用");
      for (String[] d : ORG_DEPARTMENTS) {
        w.row(d[0], d[1], d[2], d[3], "", "");
      }
    });
    sheets.put("部门站所", w -> {
      w.row("代码", "所属部门", "服务街道", "名称", "用户组", "停用");
      for (long i = 0; i < s.offices(); i++) {
        if (i == s.offices() - 1) {
          w.row(officeCode(s, i), "supervision", "", "督查室督办科", "gO" + (i + 1), "");
          continue;
        }
        long street = i / ORG_HANDLING.length;
        String[] h = ORG_HANDLING[(int) (i % ORG_HANDLING.length)];
        w.row(officeCode(s, i), h[0], streetCode(street), h[1] + streetWord(street) + h[2], "gO" + (i + 1), "");
      }
    });
    sheets.put("调解组织", w -> {
      w.row("代码", "所属街道", "类型", "名称", "用户组", "停用");
      for (long i = 0; i < s.bodies(); i++) {
        long street = i / ORG_MEDIATION.length;
        String[] m = ORG_MEDIATION[(int) (i % ORG_MEDIATION.length)];
        w.row(bodyCode(i), streetCode(street), m[1], m[2] + streetWord(street) + m[3], "gM" + (i + 1), "");
      }
    });
    sheets.put("人员", w -> {
      w.row("账号", "姓名", "手机", "所属层级", "所属单位代码", "初始密码", "接替人账号", "停用");
      for (long i = 0; i < s.staff(); i++) {
        String[] unit = staffUnit(s, i);
        w.row(account(i), personName(i, true), mobile(i, 3), unit[0], unit[1], initialPassword(s, i), "", "");
      }
    });

    long t0 = System.nanoTime();
    Map<String, Long> rows = new LinkedHashMap<>();
    try (ZipOutputStream zip = new ZipOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16));
        java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16)) {
      StringBuilder types = new StringBuilder(XML_HEAD)
          .append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
          .append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
          .append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
          .append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
      StringBuilder workbook = new StringBuilder(XML_HEAD).append("<workbook xmlns=\"").append(NS_MAIN)
          .append("\" xmlns:r=\"").append(NS_REL).append("\"><sheets>");
      StringBuilder rels = new StringBuilder(XML_HEAD).append("<Relationships xmlns=\"").append(NS_PKG_REL).append("\">");
      int n = 0;
      for (String name : sheets.keySet()) {
        n++;
        types.append("<Override PartName=\"/xl/worksheets/sheet").append(n).append(".xml\" ContentType=\"")
            .append("application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        workbook.append("<sheet name=\"").append(name).append("\" sheetId=\"").append(n).append("\" r:id=\"rId")
            .append(n).append("\"/>");
        rels.append("<Relationship Id=\"rId").append(n).append("\" Type=\"").append(NS_REL)
            .append("/worksheet\" Target=\"worksheets/sheet").append(n).append(".xml\"/>");
      }
      types.append("</Types>");
      workbook.append("</sheets></workbook>");
      rels.append("</Relationships>");
      String rootRels = XML_HEAD + "<Relationships xmlns=\"" + NS_PKG_REL + "\"><Relationship Id=\"rId1\" Type=\""
          + NS_REL + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
      for (String[] part : new String[][] {{"[Content_Types].xml", types.toString()}, {"_rels/.rels", rootRels},
          {"xl/workbook.xml", workbook.toString()}, {"xl/_rels/workbook.xml.rels", rels.toString()}}) {
        zip.putNextEntry(new ZipEntry(part[0]));
        w.write(part[1]);
        w.flush();
        zip.closeEntry();
      }
      n = 0;
      for (Map.Entry<String, SheetBody> sheet : sheets.entrySet()) {
        n++;
        long s0 = System.nanoTime();
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + n + ".xml"));
        w.write(XML_HEAD + "<worksheet xmlns=\"" + NS_MAIN + "\"><sheetData>");
        SheetWriter sw = new SheetWriter(w);
        sheet.getValue().write(sw);
        w.write("</sheetData></worksheet>");
        w.flush();
        zip.closeEntry();
        rows.put(sheet.getKey(), sw.rows - 1);
        log("workbook: sheet %-4s %,9d rows (%.1f s)", sheet.getKey(), sw.rows - 1, (System.nanoTime() - s0) / 1e9);
      }
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
    double seconds = (System.nanoTime() - t0) / 1e9;
    long bytes = Files.size(out);
    long total = rows.values().stream().mapToLong(Long::longValue).sum();
    Properties facts = new Properties();
    facts.setProperty("org.size.streets", String.valueOf(s.streets()));
    facts.setProperty("org.size.communities", String.valueOf(s.communities()));
    facts.setProperty("org.size.grids", String.valueOf(s.grids()));
    facts.setProperty("org.size.units", String.valueOf(s.units()));
    facts.setProperty("org.size.households", String.valueOf(s.households()));
    facts.setProperty("org.size.departments", String.valueOf(s.departments()));
    facts.setProperty("org.size.offices", String.valueOf(s.offices()));
    facts.setProperty("org.size.bodies", String.valueOf(s.bodies()));
    facts.setProperty("org.size.staff", String.valueOf(s.staff()));
    facts.setProperty("org.size.passwords", String.valueOf(s.passwords()));
    int sheetNo = 0;
    for (Map.Entry<String, Long> e : rows.entrySet()) {
      facts.setProperty("org.workbook.rows." + (++sheetNo), String.valueOf(e.getValue()));
    }
    facts.setProperty("org.workbook.rows", String.valueOf(total));
    facts.setProperty("org.workbook.bytes", String.valueOf(bytes));
    facts.setProperty("org.workbook.write_s", String.format(Locale.ROOT, "%.3f", seconds));
    for (String k : facts.stringPropertyNames()) {
      put(k, facts.getProperty(k));
    }
    // the login the import step tries: the first staff member (a grid worker) has an initial password
    facts.setProperty("login.user", account(0));
    facts.setProperty("login.password", initialPassword(s, 0));
    facts.setProperty("login.group", "gG1");
    if (Boolean.parseBoolean(opt("heads", "true"))) {
      // the last unit's head: their login is the last one the import's background writer creates
      facts.setProperty("head.user", "head" + s.units());
      facts.setProperty("head.password", "head-pw-" + s.units());
    }
    try (java.io.Writer fw = Files.newBufferedWriter(Path.of(out + ".properties"), StandardCharsets.UTF_8)) {
      facts.store(fw, "written by bench/Bench.java org-workbook with " + out.getFileName());
    }
    log("workbook %s: %,d rows in 9 sheets, %.1f MiB, written in %.1f s (%s)", out, total, bytes / 1048576.0, seconds, s);
  }

  static String coordinate(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }

  /** Drops and recreates the bench database alone (not the vanilla one), for a server that starts from nothing. */
  static void resetDb() throws Exception {
    String db = opt("db", "lianhu_bench");
    recreateDb(db);
    log("database %s dropped and created empty", db);
  }

  /** Drops and creates {@code db} empty, in utf8mb4, for the bench account alone. */
  static void recreateDb(String db) throws Exception {
    if (!db.matches("[A-Za-z0-9_]+") || db.startsWith("lianhu_test")) {
      throw new BenchFailure("refusing to use database name " + db);
    }
    String user = opt("db-user", "lianhu_bench");
    try (Connection c = connect("", opt("db-root-user", "root"), opt("db-root-password", ""))) {
      exec(c, "DROP DATABASE IF EXISTS `" + db + "`");
      exec(c, "CREATE DATABASE `" + db + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      for (String host : List.of("127.0.0.1", "localhost")) {
        exec(c, "GRANT ALL PRIVILEGES ON `" + db + "`.* TO '" + user + "'@'" + host + "'");
      }
      exec(c, "FLUSH PRIVILEGES");
    }
  }

  record ImportRun(int status, double seconds, Map<String, Long> counts, String body) {
    long changes() {
      return counts.getOrDefault("created", 0L) + counts.getOrDefault("updated", 0L)
          + counts.getOrDefault("retired", 0L);
    }
  }

  static final Pattern ANSWER_FIELD = Pattern.compile("\"(dryRun|created|updated|retired|unchanged|handedOverTasks|headLoginsPending)\"\\s*:\\s*(true|false|-?\\d+)");

  /**
   * POSTs the workbook to /api/admin/organisation/import (multipart, part "file") as the admin, timing the call and
   * sampling the server's heap (jstat -gc) and RSS every 500 ms, CPU and database counters around it.
   */
  static ImportRun importOnce(String label, Path workbook) throws Exception {
    long serverPid = Long.parseLong(opt("server-pid", "0"));
    String boundary = "----lianhu-bench-" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"county.xlsx\"\r\n"
        + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/admin/organisation/import"))
        .timeout(Duration.ofSeconds(optInt("import-timeout-s", 900))).header("Authorization", adminAuth())
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
            HttpRequest.BodyPublishers.ofFile(workbook), HttpRequest.BodyPublishers.ofByteArray(tail)))
        .build();
    String key = "org." + label;
    if (serverPid > 0) {
      put(key + ".rss_before_mb", rssKb(serverPid) / 1024.0);
    }
    Probe probe = new Probe(serverPid, Long.parseLong(opt("db-pid", "0")), serverPid > 0, null);
    probe.jstatMs = 500;
    probe.start();
    long t0 = System.nanoTime();
    HttpResponse<String> response = null;
    String error = null;
    try {
      response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      error = e.toString();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    put(key + ".wall_s", seconds);
    for (Map.Entry<String, Double> e : probe.stop().entrySet()) {
      put(key + "." + e.getKey(), e.getValue());
    }
    if (response == null) {
      put(key + ".status", -1);
      put(key + ".answer", abbreviate(error));
      log("%s: no answer after %.2f s: %s", label, seconds, error);
      return new ImportRun(-1, seconds, Map.of(), error);
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    Matcher m = ANSWER_FIELD.matcher(response.body());
    while (m.find()) {
      if (m.group(1).equals("dryRun")) {
        put(key + ".dry_run", m.group(2));
      } else {
        counts.put(m.group(1), Long.parseLong(m.group(2)));
        put(key + "." + m.group(1), m.group(2));
      }
    }
    put(key + ".status", response.statusCode());
    put(key + ".answer", abbreviate(response.body()));
    log("%s: %d in %.2f s: %s", label, response.statusCode(), seconds, abbreviate(response.body()));
    log("         server CPU %.1f s, database CPU %.1f s; heap used max %.0f MiB (avg %.0f, max heap %.0f); RSS %.0f MiB before, max %.0f MiB",
        d(key + ".cpu_server_s"), d(key + ".cpu_db_s"), d(key + ".heap_used_max_mb"), d(key + ".heap_used_avg_mb"),
        d(key + ".heap_max_mb"), d(key + ".rss_before_mb"), d(key + ".rss_max_mb"));
    return new ImportRun(response.statusCode(), seconds, counts, response.body());
  }

  /**
   * The heads' logins follow the import's answer (docs/liaison-units.md): polls GET
   * /api/admin/organisation/identity every 200 ms until none is pending, then logs in as the last unit's head.
   */
  static void headLoginsWritten(ImportRun first, Properties facts, List<String> failures) throws Exception {
    put("org.heads.pending_at_answer", first.counts().getOrDefault("headLoginsPending", 0L));
    long t0 = System.nanoTime();
    Pattern pendingField = Pattern.compile("\"headLoginsPending\"\\s*:\\s*(\\d+)");
    long pending = -1;
    while ((System.nanoTime() - t0) / 1e9 < 600) {
      HttpResponse<String> answer = get("/api/admin/organisation/identity", adminAuth());
      Matcher m = pendingField.matcher(answer.body());
      pending = m.find() ? Long.parseLong(m.group(1)) : -1;
      if (pending == 0) {
        break;
      }
      Thread.sleep(200);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    put("org.heads.written_after_answer_s", seconds);
    log("heads' logins: %d pending when the import answered, all written %.1f s after the answer",
        first.counts().getOrDefault("headLoginsPending", 0L), seconds);
    if (pending != 0) {
      failures.add("heads' logins still pending 600 s after the import answered: " + pending);
    }
    String head = facts.getProperty("head.user");
    if (head != null) {
      HttpResponse<String> profile =
          get("/engine-rest/user/" + head + "/profile", basic(head, facts.getProperty("head.password")));
      put("org.heads.login_status", profile.statusCode());
      log("login as %s (the last unit's head, initial password): %d", head, profile.statusCode());
      if (profile.statusCode() != 200) {
        failures.add("the last head " + head + " cannot log in with their initial password: " + profile.statusCode());
      }
    }
  }

  /**
   * The organisation import at scale on a server without the demo organisation: the workbook of {@code org-workbook}
   * imported once, then again (nothing may change), then a login of an imported staff member with their initial
   * password (their identity exists without a restart), then the rows the import left in the database.
   */
  static void orgImport() throws Exception {
    Path workbook = Path.of(opt("workbook", "county.xlsx")).toAbsolutePath();
    Properties facts = new Properties();
    try (var in = Files.newBufferedReader(Path.of(workbook + ".properties"), StandardCharsets.UTF_8)) {
      facts.load(in);
    }
    for (String k : facts.stringPropertyNames()) {
      if (k.startsWith("org.")) {
        put(k, facts.getProperty(k));
      }
    }
    List<String> failures = new ArrayList<>();
    ImportRun first = importOnce("import", workbook);
    if (first.status() != 200) {
      failures.add("import answered " + first.status() + ": " + abbreviate(first.body()));
    } else if (!first.counts().containsKey("created")) {
      failures.add("import answer without counts: " + abbreviate(first.body()));
    }
    headLoginsWritten(first, facts, failures);
    ImportRun second = importOnce("reimport", workbook);
    put("org.reimport.changes", second.changes());
    if (second.status() != 200) {
      failures.add("re-import answered " + second.status() + ": " + abbreviate(second.body()));
    } else if (second.changes() != 0 || !second.counts().containsKey("created")) {
      failures.add("re-import of the same workbook changed " + second.changes() + " rows: " + abbreviate(second.body()));
    }

    String user = facts.getProperty("login.user");
    String password = facts.getProperty("login.password");
    // one engine-rest call first, so that the timed login is not the first request the REST application sees
    get("/engine-rest/user/" + opt("admin-user", "demo") + "/profile", adminAuth());
    long t0 = System.nanoTime();
    HttpResponse<String> profile = get("/engine-rest/user/" + user + "/profile", basic(user, password));
    put("org.login.ms", (System.nanoTime() - t0) / 1e6);
    put("org.login.user", user);
    put("org.login.status", profile.statusCode());
    log("login as %s (imported, initial password) on GET /engine-rest/user/%s/profile: %d %s", user, user,
        profile.statusCode(), abbreviate(profile.body()));
    if (profile.statusCode() != 200) {
      failures.add("GET /engine-rest/user/" + user + "/profile with their initial password answered "
          + profile.statusCode());
      HttpResponse<String> verify = postJson("/engine-rest/identity/verify", "{\"username\":\"" + user
          + "\",\"password\":\"" + password + "\"}", adminAuth(), null);
      put("org.login.verify", verify.statusCode() + " " + abbreviate(verify.body()));
      log("identity/verify of %s as the admin: %d %s", user, verify.statusCode(), abbreviate(verify.body()));
    }
    HttpResponse<String> groups = get("/engine-rest/group?member=" + user, adminAuth());
    Pattern gridGroup = Pattern.compile("\"id\"\\s*:\\s*\"" + Pattern.quote(facts.getProperty("login.group")) + "\"");
    boolean member = groups.statusCode() == 200 && gridGroup.matcher(groups.body()).find();
    put("org.login.grid_group_member", member);
    if (!member) {
      failures.add(user + " is not a member of their grid's group " + facts.getProperty("login.group") + ": "
          + groups.statusCode() + " " + abbreviate(groups.body()));
    }

    // What the import left in the database, against the rows of the workbook.
    String[][] tables = {{"street", "1"}, {"community", "2"}, {"grid", "3"}, {"liaison_unit", "4"},
        {"household", "5"}, {"department", "6"}, {"department_office", "7"}, {"mediation_body", "8"},
        {"staff", "9"}, {"organisation_audit", null}, {"ACT_ID_USER", null}, {"ACT_ID_GROUP", null},
        {"ACT_ID_MEMBERSHIP", null}, {"ACT_RU_AUTHORIZATION", null}};
    List<String> counted = new ArrayList<>();
    try (Connection c = "true".equals(opt("db-check", "true")) ? db() : null) {
      for (String[] t : c == null ? new String[0][] : tables) {
        try {
          long n = queryLong(c, "select count(*) from " + t[0]);
          put("org.db." + t[0].toLowerCase(Locale.ROOT), n);
          counted.add(t[0] + " " + n);
          String expected = t[1] == null ? null : facts.getProperty("org.workbook.rows." + t[1]);
          if (expected != null && n != Long.parseLong(expected)) {
            failures.add(t[0] + ": " + n + " rows, the workbook has " + expected);
          }
        } catch (SQLException e) {
          counted.add(t[0] + " (" + e.getMessage() + ")");
        }
      }
      long users = c == null ? -1
          : queryLong(c, "select count(*) from ACT_ID_USER where ID_ in (select user_id from staff)");
      put("org.db.staff_with_login", users);
      if (c != null && users < Long.parseLong(facts.getProperty("org.size.staff", "0"))) {
        failures.add("only " + users + " of the imported staff have a Camunda user");
      }
    }
    log("database after the imports: %s", String.join(", ", counted));
    if (!failures.isEmpty()) {
      throw new BenchFailure("organisation import: " + String.join("; ", failures));
    }
  }

  // ------------------------------------------------------------------------------------------------ JFR

  /** Where the samples of a flight recording are: by library (leaf-most known frame) and by Lianhu/Camunda method. */
  static void jfrSummary() throws Exception {
    Path file = Path.of(opt("file", null));
    String prefix = opt("key", "jfr");
    String threadFilter = opt("threads", "");
    int top = optInt("top", 25);
    Map<String, Long> byLibrary = new HashMap<>();
    Map<String, Long> inclusive = new HashMap<>();
    Map<String, Long> selfTop = new HashMap<>();
    Map<String, Long> nativeWait = new HashMap<>();
    long samples = 0;
    long nativeSamples = 0;
    try (var recording = new jdk.jfr.consumer.RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        var event = recording.readEvent();
        String type = event.getEventType().getName();
        boolean exec = type.equals("jdk.ExecutionSample");
        boolean nat = type.equals("jdk.NativeMethodSample");
        if (!exec && !nat) {
          continue;
        }
        var thread = event.getThread("sampledThread");
        String threadName = thread == null ? "" : String.valueOf(thread.getJavaName());
        if (!threadFilter.isEmpty() && !threadName.matches(threadFilter)) {
          continue;
        }
        var stack = event.getStackTrace();
        if (stack == null) {
          continue;
        }
        List<String> frames = new ArrayList<>();
        for (var frame : stack.getFrames()) {
          frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
        }
        if (nat) {
          nativeSamples++;
          nativeWait.merge(library(frames), 1L, Long::sum);
          continue;
        }
        samples++;
        byLibrary.merge(library(frames), 1L, Long::sum);
        if (!frames.isEmpty()) {
          selfTop.merge(frames.get(0), 1L, Long::sum);
        }
        Set<String> seen = new HashSet<>();
        for (String f : frames) {
          if (interesting(f) && seen.add(f)) {
            inclusive.merge(f, 1L, Long::sum);
          }
        }
      }
    }
    StringBuilder md = new StringBuilder();
    md.append("CPU samples (jdk.ExecutionSample) of threads `").append(threadFilter.isEmpty() ? "all" : threadFilter)
        .append("`: ").append(samples).append("\n\n");
    md.append("| where the CPU samples are (leaf-most known library) | share |\n| --- | ---: |\n");
    appendShares(md, byLibrary, samples, 20);
    md.append("\n| method (inclusive: on the stack) | share of CPU samples |\n| --- | ---: |\n");
    appendShares(md, inclusive, samples, top);
    md.append("\n| top frame (self) | share |\n| --- | ---: |\n");
    appendShares(md, selfTop, samples, 12);
    Path out = Path.of(opt("out", file.toString().replaceAll("\\.jfr$", "") + ".md"));
    Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
    put(prefix + ".samples", samples);
    put(prefix + ".summary_file", out.getFileName().toString());
    for (Map.Entry<String, Long> e : byLibrary.entrySet()) {
      put(prefix + ".lib." + e.getKey().replaceAll("[^A-Za-z0-9]+", "_"), 100.0 * e.getValue() / Math.max(1, samples));
    }
    List<Map.Entry<String, Long>> inc = sorted(inclusive);
    for (int i = 0; i < Math.min(top, inc.size()); i++) {
      put(prefix + ".inclusive." + String.format(Locale.ROOT, "%02d", i),
          String.format(Locale.ROOT, "%.1f%% %s", 100.0 * inc.get(i).getValue() / Math.max(1, samples), inc.get(i).getKey()));
    }
    System.out.print(md);
  }

  static List<Map.Entry<String, Long>> sorted(Map<String, Long> map) {
    List<Map.Entry<String, Long>> list = new ArrayList<>(map.entrySet());
    list.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    return list;
  }

  static void appendShares(StringBuilder md, Map<String, Long> map, long total, int limit) {
    List<Map.Entry<String, Long>> list = sorted(map);
    for (int i = 0; i < Math.min(limit, list.size()); i++) {
      md.append("| `").append(list.get(i).getKey()).append("` | ")
          .append(String.format(Locale.ROOT, "%.1f%%", 100.0 * list.get(i).getValue() / Math.max(1, total)))
          .append(" |\n");
    }
  }

  static final String[][] LIBRARIES = {
      {"com.mysql.cj.", "JDBC driver (Connector/J)"}, {"com.zaxxer.hikari.", "HikariCP"},
      {"org.apache.ibatis.", "MyBatis"}, {"org.mybatis.", "MyBatis"},
      {"org.camunda.bpm.dmn.", "Camunda DMN / FEEL"}, {"org.camunda.feel.", "Camunda DMN / FEEL"},
      {"scala.", "Camunda DMN / FEEL"}, {"org.camunda.bpm.engine.impl.juel.", "Camunda expressions (JUEL)"},
      {"org.camunda.spin.", "JSON (Spin / Jackson)"}, {"com.fasterxml.jackson.", "JSON (Spin / Jackson)"},
      {"org.camunda.bpm.engine.", "Camunda engine"}, {"org.camunda.", "Camunda other"},
      {"org.lianhu.", "Lianhu code"}, {"org.springframework.", "Spring"}, {"org.apache.catalina.", "Tomcat"},
      {"org.apache.coyote.", "Tomcat"}, {"org.apache.tomcat.", "Tomcat"}, {"org.hibernate.validator.", "Bean Validation"},
      {"org.flywaydb.", "Flyway"}, {"ch.qos.logback.", "logging"}, {"org.slf4j.", "logging"}};

  static String library(List<String> frames) {
    for (String f : frames) {
      for (String[] lib : LIBRARIES) {
        if (f.startsWith(lib[0])) {
          return lib[1];
        }
      }
    }
    return frames.isEmpty() ? "unknown" : "JDK / JVM (" + frames.get(frames.size() - 1).replaceAll("\\.[^.]*$", "") + ")";
  }

  static boolean interesting(String frame) {
    if (frame.startsWith("org.lianhu.")) {
      return !frame.contains("$$");
    }
    return frame.startsWith("org.camunda.bpm.engine.impl.cmd.")
        || frame.startsWith("org.camunda.bpm.engine.impl.history.")
        || frame.startsWith("org.camunda.bpm.engine.impl.db.")
        || frame.startsWith("org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager")
        || frame.startsWith("org.camunda.bpm.engine.impl.cfg.auth.")
        || frame.startsWith("org.camunda.bpm.engine.impl.identity.")
        || frame.startsWith("org.camunda.bpm.engine.rest.security.")
        || frame.startsWith("org.camunda.bpm.engine.impl.jobexecutor.")
        || frame.startsWith("org.camunda.bpm.engine.impl.dmn.")
        || frame.startsWith("org.camunda.bpm.engine.impl.variable.")
        || frame.startsWith("org.camunda.bpm.engine.impl.interceptor.CommandContext.close")
        || frame.startsWith("org.camunda.bpm.engine.impl.bpmn.behavior.")
        || frame.startsWith("org.springframework.transaction.support.AbstractPlatformTransactionManager.commit")
        || frame.startsWith("com.mysql.cj.jdbc.ClientPreparedStatement.execute")
        || frame.startsWith("com.mysql.cj.jdbc.ConnectionImpl.commit")
        || frame.startsWith("org.apache.ibatis.executor.");
  }

  // ------------------------------------------------------------------------------------------------ report

  static String r(String key) {
    return results.getProperty(key);
  }

  static double d(String key) {
    String v = r(key);
    return v == null ? Double.NaN : Double.parseDouble(v);
  }

  static String f(double v, int decimals) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }

  static String ratio(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.2f", a / b);
  }

  static String verdict(boolean known, boolean met) {
    return !known ? "not measured" : met ? "**met**" : "**not met**";
  }

  // ------------------------------------------------------------------------------------------------ liaison units

  /** The sizes of the liaison step's county: 12.5 households a unit, 20 units a grid, 10 grids a community. */
  record LiaisonSizes(int households, int units, int grids, int communities, int streets) {
    static LiaisonSizes of(int households) {
      int units = Math.max(1, (int) Math.round(households / 12.5));
      int grids = Math.max(1, units / 20);
      int communities = Math.max(1, grids / 10);
      return new LiaisonSizes(households, units, grids, communities, Math.max(1, communities / 20));
    }
  }

  static String pad(String prefix, long n, int width) {
    return prefix + String.format(Locale.ROOT, "%0" + width + "d", n);
  }

  static String headOf(long unit) {
    return pad("bhd", unit, 6);
  }

  static String householdOf(long n) {
    return pad("bh", n, 7);
  }

  static LocalDate countyToday() {
    return LocalDate.now(ZoneId.of(opt("zone", "Asia/Shanghai")));
  }

  /**
   * The liaison step's county, written by the database from its sequence tables (MariaDB's Sequence
   * engine): --households households (household n lies in unit n mod units), every unit with a head
   * whose login the server's start-up creates, and --months months of visits up to today: in each
   * month 92% of the households once, the 独居老人 (one in twenty) four times, each household-month once
   * in household_visit_month, as Lianhu writes them.
   */
  static void liaisonData() throws Exception {
    LiaisonSizes z = LiaisonSizes.of(optInt("households", 1_000_000));
    int months = optInt("months", 12);
    LocalDate today = countyToday();
    put("liaison.size.households", z.households());
    put("liaison.size.units", z.units());
    put("liaison.size.grids", z.grids());
    put("liaison.size.communities", z.communities());
    put("liaison.size.streets", z.streets());
    put("liaison.size.months", months);
    try (Connection c = db(); Statement st = c.createStatement()) {
      c.setAutoCommit(true);
      // A bulk load of rows whose references are right by construction.
      st.execute("set foreign_key_checks = 0, unique_checks = 0");
      long t0 = System.nanoTime();
      st.executeUpdate("insert into street (code, name, group_id) select concat('bs', lpad(seq, 3, '0')), "
          + "concat('压测街道', seq), concat('benchStreet', seq) from seq_0_to_" + (z.streets() - 1));
      st.executeUpdate("insert into community (code, street_code, name, kind, group_id) select concat('bc', "
          + "lpad(seq, 4, '0')), concat('bs', lpad(seq % " + z.streets() + ", 3, '0')), concat('压测社区', seq), "
          + "'community', concat('benchCommunity', seq) from seq_0_to_" + (z.communities() - 1));
      st.executeUpdate("insert into grid (code, community_code, name, group_id) select concat('bg', lpad(seq, 5, '0')), "
          + "concat('bc', lpad(seq % " + z.communities() + ", 4, '0')), concat('压测网格', seq), "
          + "concat('benchGrid', seq) from seq_0_to_" + (z.grids() - 1));
      st.executeUpdate("insert into liaison_unit (code, grid_code, name, head_name, head_phone, households, group_id, "
          + "head_user_id) select concat('bu', lpad(seq, 6, '0')), concat('bg', lpad(seq % " + z.grids() + ", 5, '0')), "
          + "concat('压测联户单元', seq), '压测联户长', concat('138', lpad(seq, 8, '0')), 12, "
          + "concat('unitbu', lpad(seq, 6, '0')), concat('bhd', lpad(seq, 6, '0')) from seq_0_to_" + (z.units() - 1));
      for (long lo = 0; lo < z.households(); lo += 250_000) {
        long hi = Math.min(z.households(), lo + 250_000) - 1;
        st.executeUpdate("insert into household (code, unit_code, address, head_name, phone, members, care_flags) "
            + "select concat('bh', lpad(seq, 7, '0')), concat('bu', lpad(seq % " + z.units() + ", 6, '0')), "
            + "concat('压测小区', seq div 100, '栋', seq % 100, '号'), '压测住户', concat('139', lpad(seq, 8, '0')), "
            + "1 + seq % 5, case when seq % 20 = 0 then 'elderly_alone' else null end from seq_" + lo + "_to_" + hi);
      }
      put("liaison.data.organisation_s", (System.nanoTime() - t0) / 1e9);
      log("liaison: %,d streets, %,d communities, %,d grids, %,d units, %,d households in %.1f s", z.streets(),
          z.communities(), z.grids(), z.units(), z.households(), (System.nanoTime() - t0) / 1e9);

      long t1 = System.nanoTime();
      for (int m = 0; m < months; m++) {
        YearMonth month = YearMonth.from(today).minusMonths(m);
        int days = m == 0 ? today.getDayOfMonth() : month.lengthOfMonth();
        String start = "date '" + month.atDay(1) + "'";
        // A hash, not a stride: every street gets its own share of unvisited households.
        String visited = "crc32(concat(seq, '/', " + m + ")) % 100 < 92";
        for (long lo = 0; lo < z.households(); lo += 250_000) {
          String from = " from seq_" + lo + "_to_" + (Math.min(z.households(), lo + 250_000) - 1);
          String unit = "concat('bu', lpad(seq % " + z.units() + ", 6, '0'))";
          String household = "concat('bh', lpad(seq, 7, '0'))";
          st.executeUpdate("insert into household_visit (household_code, unit_code, head_user_id, visited_on, kind, "
              + "notes, recorded_at) select " + household + ", " + unit + ", concat('bhd', lpad(seq % " + z.units()
              + ", 6, '0')), date_add(" + start + ", interval (seq * 7 + " + m + ") % " + days + " day), 'routine', "
              + "'家中情况正常', " + start + from + " where " + visited);
          for (int extra = 1; extra <= 3; extra++) {
            st.executeUpdate("insert into household_visit (household_code, unit_code, head_user_id, visited_on, "
                + "kind, notes, recorded_at) select " + household + ", " + unit + ", concat('bhd', lpad(seq % "
                + z.units() + ", 6, '0')), date_add(" + start + ", interval (seq * 7 + " + (m + 7 * extra) + ") % "
                + days + " day), 'care', '身体状况良好', " + start + from + " where seq % 20 = 0");
          }
          st.executeUpdate("insert into household_visit_month (household_code, month_start, unit_code) select "
              + household + ", " + start + ", " + unit + from + " where " + visited + " or seq % 20 = 0");
        }
        log("liaison: visits of %s written (%.0f s so far)", month, (System.nanoTime() - t1) / 1e9);
      }
      put("liaison.data.visits_s", (System.nanoTime() - t1) / 1e9);
      st.execute("analyze table household, liaison_unit, grid, community, household_visit, household_visit_month");
      put("liaison.db.household_visit", queryLong(c, "select count(*) from household_visit"));
      put("liaison.db.household_visit_month", queryLong(c, "select count(*) from household_visit_month"));
      put("liaison.db.household", queryLong(c, "select count(*) from household"));
      log("liaison: %,.0f visits, %,.0f household-months in %.0f s", d("liaison.db.household_visit"),
          d("liaison.db.household_visit_month"), d("liaison.data.visits_s"));
    }
  }

  /**
   * The liaison step's measurements, once the server (restarted after liaisonData) has written the heads'
   * logins: a street's coverage (sequential), a head's /unit/ data and recording a visit at --levels clients.
   */
  static void liaison() throws Exception {
    LiaisonSizes z = LiaisonSizes.of((int) d("liaison.size.households"));
    String lastHead = basic(headOf(z.units() - 1), "demo");
    long t0 = System.nanoTime();
    long deadline = System.currentTimeMillis() + optInt("logins-timeout-s", 1800) * 1000L;
    while (get("/api/unit", lastHead).statusCode() != 200) {
      if (System.currentTimeMillis() > deadline) {
        throw new BenchFailure("the last unit's head " + headOf(z.units() - 1) + " cannot sign in");
      }
      Thread.sleep(2000);
    }
    put("liaison.heads_ready_after_ready_s", (System.nanoTime() - t0) / 1e9);
    try (Connection c = db()) {
      put("liaison.db.act_id_user", queryLong(c, "select count(*) from ACT_ID_USER"));
      put("liaison.db.act_id_membership", queryLong(c, "select count(*) from ACT_ID_MEMBERSHIP"));
    }
    log("liaison: heads can sign in %.1f s after the server was ready (%,.0f Camunda users)",
        d("liaison.heads_ready_after_ready_s"), d("liaison.db.act_id_user"));

    String supervisor = basic(opt("staff-user", "majie"), opt("staff-password", "demo"));
    String month = YearMonth.from(countyToday()).toString();
    String lastMonth = YearMonth.from(countyToday()).minusMonths(1).toString();
    String street = pad("bs", z.streets() / 2, 3);
    String[][] reads = {
        {"coverage_street", "/api/stats/visit-coverage?groupBy=street&streetCode=" + street + "&month=" + month},
        {"coverage_street_last", "/api/stats/visit-coverage?groupBy=street&streetCode=" + street + "&month=" + lastMonth},
        {"coverage_street_by_community", "/api/stats/visit-coverage?groupBy=community&streetCode=" + street},
        {"coverage_county_by_street", "/api/stats/visit-coverage?groupBy=street&month=" + lastMonth},
        {"unit_kpis_street", "/api/stats/unit-kpis?groupBy=street&streetCode=" + street + "&month=" + lastMonth}};
    int reps = optInt("coverage-reps", 30);
    long failures = 0;
    for (String[] read : reads) {
      HttpResponse<String> probe = get(read[1], supervisor);
      if (probe.statusCode() != 200 || !probe.body().contains("\"rows\":[{")) {
        throw new BenchFailure("GET " + read[1] + ": " + probe.statusCode() + " " + abbreviate(probe.body()));
      }
      put("liaison." + read[0] + ".path", read[1]);
      Call call = seq -> {
        HttpResponse<String> r = get(read[1], supervisor);
        return r.statusCode() == 200 ? null : "GET " + read[1] + " " + r.statusCode();
      };
      failures += measure(read[0], call, 1, 0, 600, reps, new Probe(0, 0, false, null), "liaison." + read[0]) ? 0 : 1;
    }

    Call view = seq -> {
      long unit = ThreadLocalRandom.current().nextLong(z.units());
      HttpResponse<String> r = get("/api/unit", basic(headOf(unit), "demo"));
      if (r.statusCode() != 200) {
        return "GET /api/unit as " + headOf(unit) + " " + r.statusCode() + " " + abbreviate(r.body());
      }
      return r.body().contains("\"households\":[{") ? null : "no households for " + headOf(unit);
    };
    Call visit = seq -> {
      long unit = ThreadLocalRandom.current().nextLong(z.units());
      long perUnit = (z.households() - 1 - unit) / z.units() + 1;
      long household = unit + ThreadLocalRandom.current().nextLong(perUnit) * z.units();
      HttpResponse<String> r = postJson("/api/unit/visits", "{\"household\":\"" + householdOf(household)
          + "\",\"visitedOn\":\"" + countyToday() + "\",\"kind\":\"routine\",\"notes\":\"压测走访 " + seq + "\"}",
          basic(headOf(unit), "demo"), null);
      return r.statusCode() == 201 ? null : "POST /api/unit/visits as " + headOf(unit) + " " + r.statusCode() + " "
          + abbreviate(r.body());
    };
    put("liaison.levels", opt("levels", "1,8"));
    for (int clients : levels()) {
      failures += measure("unit_view", view, clients, optDouble("warmup-s", 5), optDouble("duration-s", 20),
          Long.parseLong(opt("max-requests", "1000000")), probeFor("unit", clients), "liaison.unit_view") ? 0 : 1;
      failures += measure("unit_visit", visit, clients, optDouble("warmup-s", 5), optDouble("duration-s", 20),
          Long.parseLong(opt("max-requests", "1000000")), probeFor("unit", clients), "liaison.unit_visit") ? 0 : 1;
    }
    if (failures > 0) {
      throw new BenchFailure("liaison: " + failures + " measurement(s) with errors");
    }
  }

  /** Section 6: the liaison units at a county's scale (step liaison), when it ran. */
  static void liaisonReport(StringBuilder md) {
    md.append("\n## 6. Liaison units (`BENCH_STEPS=liaison`)\n\n");
    md.append("County: ").append(f(d("liaison.size.households"), 0)).append(" households in ")
        .append(f(d("liaison.size.units"), 0)).append(" liaison units (each with a head's login), ")
        .append(f(d("liaison.size.grids"), 0)).append(" grids, ").append(f(d("liaison.size.communities"), 0))
        .append(" communities, ").append(f(d("liaison.size.streets"), 0)).append(" streets; ")
        .append(f(d("liaison.size.months"), 0)).append(" months of visits: ").append(f(d("liaison.db.household_visit"), 0))
        .append(" `household_visit` and ").append(f(d("liaison.db.household_visit_month"), 0))
        .append(" `household_visit_month` rows, written by the database in ")
        .append(f(d("liaison.data.organisation_s") + d("liaison.data.visits_s"), 0)).append(" s. The server, restarted on it, was ready in ")
        .append(f(d("startup.liaison.started_in_s"), 1)).append(" s; the start-up sync had written the heads' logins ")
        .append(f(d("liaison.heads_ready_after_ready_s"), 1)).append(" s later (")
        .append(f(d("liaison.db.act_id_user"), 0)).append(" Camunda users, ")
        .append(f(d("liaison.db.act_id_membership"), 0)).append(" memberships).\n\n");
    md.append("| what | clients | requests | throughput /s | p50 ms | p99 ms | max ms | target |\n");
    md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    String[][] rows = {
        {"coverage_street", "a street's coverage this month (`visit-coverage?groupBy=street&streetCode=`)", "p99 < 300 ms"},
        {"coverage_street_last", "the same, last month (a whole month of visits)", "p99 < 300 ms"},
        {"coverage_street_by_community", "a street's coverage by community", ""},
        {"coverage_county_by_street", "the county's coverage by street, last month", ""},
        {"unit_kpis_street", "a street's heads' KPIs, last month (`unit-kpis`)", ""}};
    for (String[] row : rows) {
      String k = "liaison." + row[0] + ".c1";
      md.append(liaisonRow(row[1], k, 1, row[2], row[2].isEmpty() ? null : d(k + ".p99_ms") < 300));
    }
    for (String s : (r("liaison.levels") == null ? "1,8" : r("liaison.levels")).split(",")) {
      int c = Integer.parseInt(s.trim());
      String view = "liaison.unit_view.c" + c;
      String visit = "liaison.unit_visit.c" + c;
      md.append(liaisonRow("a head's `/unit/` data (`GET /api/unit`, random heads)", view, c,
          c == 8 ? "p99 < 50 ms" : "", c == 8 ? d(view + ".p99_ms") < 50 : null));
      md.append(liaisonRow("recording a visit (`POST /api/unit/visits`, random households)", visit, c,
          c == 8 ? "p99 < 50 ms" : "", c == 8 ? d(visit + ".p99_ms") < 50 : null));
    }
    md.append("\n");
  }

  static String liaisonRow(String what, String k, int clients, String target, Boolean met) {
    return "| " + what + " | " + clients + " | " + f(d(k + ".ok"), 0) + " | " + f(d(k + ".throughput"), 1) + " | "
        + f(d(k + ".p50_ms"), 1) + " | " + f(d(k + ".p99_ms"), 1) + " | " + f(d(k + ".max_ms"), 1) + " | "
        + (target.isEmpty() ? "" : target + ": " + verdict(r(k + ".p99_ms") != null, Boolean.TRUE.equals(met)))
        + " |\n";
  }

  /** Section 5: the organisation import (step orgimport), when it ran. */
  static void orgReport(StringBuilder md) {
    md.append("\n## 5. Organisation import (`BENCH_STEPS=orgimport`)\n\n");
    md.append("Workbook: ").append(f(d("org.size.streets"), 0)).append(" streets, ")
        .append(f(d("org.size.communities"), 0)).append(" communities, ").append(f(d("org.size.grids"), 0))
        .append(" grids, ").append(f(d("org.size.units"), 0)).append(" liaison units, ")
        .append(f(d("org.size.households"), 0)).append(" households, ").append(f(d("org.size.departments"), 0))
        .append(" departments, ").append(f(d("org.size.offices"), 0)).append(" offices, ")
        .append(f(d("org.size.bodies"), 0)).append(" mediation bodies, ").append(f(d("org.size.staff"), 0))
        .append(" staff (").append(f(d("org.size.passwords"), 0)).append(" with an initial password): ")
        .append(f(d("org.workbook.rows"), 0)).append(" rows, ").append(f(d("org.workbook.bytes") / 1048576.0, 1))
        .append(" MiB, written by the harness in ").append(f(d("org.workbook.write_s"), 1))
        .append(" s. The server started on an empty database without the demo organisation in ")
        .append(f(d("startup.org.started_in_s"), 1)).append(" s (ERROR lines in its log: ")
        .append(r("org.server_log_errors") == null ? "–" : r("org.server_log_errors")).append(", of them ")
        .append(r("org.server_log_routing_errors") == null ? "–" : r("org.server_log_routing_errors"))
        .append(" from the routing check at start, which finds none of the routing table's departments before "
            + "the import).\n\n");
    md.append("| `POST /api/admin/organisation/import` | status | wall s | created | updated | retired | unchanged | "
        + "tasks handed over | server CPU s | database CPU s | heap used max MiB | RSS before / max MiB |\n");
    md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (String[] t : new String[][] {{"import", "first import"}, {"reimport", "the same file again"}}) {
      String k = "org." + t[0];
      if (r(k + ".status") == null) {
        continue;
      }
      md.append("| ").append(t[1]).append(" | ").append(r(k + ".status")).append(" | ").append(f(d(k + ".wall_s"), 1))
          .append(" | ").append(f(d(k + ".created"), 0)).append(" | ").append(f(d(k + ".updated"), 0)).append(" | ")
          .append(f(d(k + ".retired"), 0)).append(" | ").append(f(d(k + ".unchanged"), 0)).append(" | ")
          .append(f(d(k + ".handedOverTasks"), 0)).append(" | ").append(f(d(k + ".cpu_server_s"), 1)).append(" | ")
          .append(f(d(k + ".cpu_db_s"), 1)).append(" | ").append(f(d(k + ".heap_used_max_mb"), 0)).append(" | ")
          .append(f(d(k + ".rss_before_mb"), 0)).append(" / ").append(f(d(k + ".rss_max_mb"), 0)).append(" |\n");
    }
    boolean fullSize = d("org.size.households") >= 500_000 && d("org.size.staff") >= 10_000;
    md.append("\nTarget under 2 minutes on 2 cores for the full workbook (docs/organisation.md): ")
        .append(fullSize ? verdict("200".equals(r("org.import.status")), d("org.import.wall_s") < 120)
            : "not measured (smaller workbook)")
        .append(" (").append(f(d("org.import.wall_s"), 1)).append(" s). Re-import writes nothing: ")
        .append(verdict("200".equals(r("org.reimport.status")), d("org.reimport.changes") == 0))
        .append(" (created + updated + retired = ").append(f(d("org.reimport.changes"), 0)).append("). ")
        .append("An imported staff member logs in with their initial password, without a restart (`GET /engine-rest/user/")
        .append(r("org.login.user")).append("/profile`, HTTP Basic): ").append(r("org.login.status")).append(" in ")
        .append(f(d("org.login.ms"), 0)).append(" ms").append(r("org.login.verify") == null ? ""
            : " (identity/verify: " + r("org.login.verify") + ")")
        .append("; member of their grid's group: ").append(r("org.login.grid_group_member")).append(".");
    if (r("org.heads.pending_at_answer") != null) {
      md.append(" The heads' logins follow the answer (docs/liaison-units.md): ")
          .append(f(d("org.heads.pending_at_answer"), 0)).append(" units pending when the import answered, all written ")
          .append(f(d("org.heads.written_after_answer_s"), 1)).append(" s after it; the last unit's head logs in with ")
          .append("their initial password: ").append(r("org.heads.login_status")).append(".");
    }
    md.append("\n\n");
    md.append("Rows after the imports: ").append(f(d("org.db.street"), 0)).append(" street, ")
        .append(f(d("org.db.community"), 0)).append(" community, ").append(f(d("org.db.grid"), 0)).append(" grid, ")
        .append(f(d("org.db.liaison_unit"), 0)).append(" liaison_unit, ").append(f(d("org.db.household"), 0))
        .append(" household, ").append(f(d("org.db.department"), 0)).append(" department, ")
        .append(f(d("org.db.department_office"), 0)).append(" department_office, ")
        .append(f(d("org.db.mediation_body"), 0)).append(" mediation_body, ").append(f(d("org.db.staff"), 0))
        .append(" staff, ").append(f(d("org.db.organisation_audit"), 0)).append(" organisation_audit; Camunda: ")
        .append(f(d("org.db.act_id_user"), 0)).append(" users (").append(f(d("org.db.staff_with_login"), 0))
        .append(" of them staff), ").append(f(d("org.db.act_id_group"), 0)).append(" groups, ")
        .append(f(d("org.db.act_id_membership"), 0)).append(" memberships, ")
        .append(f(d("org.db.act_ru_authorization"), 0)).append(" authorizations. Heap sampled with `jstat -gc` and "
            + "RSS from /proc every 0.5 s during each call.\n");
  }

  // ------------------------------------------------------------------------------------------------ tasklist

  /** The shared filters, by the key the figures use, in Tasklist's order. */
  static final String[][] TASKLIST_FILTERS = {{"mine", "我的待办"}, {"unit", "本部门待办"}, {"due_soon", "即将超期"},
      {"overdue", "已超期"}, {"copied", "抄送本部门"}};

  /**
   * Tasklist at a county's scale (issue 17): reports in one grid until its worker ({@code --holder}, wangli)
   * holds each of {@code --sizes} open 受理 tasks, and measures at each size, as that worker through engine-rest
   * with HTTP Basic, what Tasklist asks for: every shared filter's first page (HAL, with the filter's variables),
   * every filter's count, and one task's form variables. A second worker ({@code --small-holder}) holds
   * {@code --small} tasks and is measured once the first holds the largest size; then the first dispatches
   * {@code --office-tasks} of his tasks and {@code --office-user} (hanxue) is measured holding them unclaimed
   * through his office's group. Closed cases come from
   * {@code load-history}, run before. One client, {@code --reps} timed requests of each kind after two untimed.
   */
  static void tasklist() throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String size : opt("sizes", "100,350,1000,2000,4000,10000").split(",")) {
      sizes.add(Integer.parseInt(size.trim()));
    }
    int reps = optInt("reps", 20);
    String holder = opt("holder", "wangli");
    String small = opt("small-holder", "liuyang");
    int smallSize = optInt("small", 100);
    put("tasklist.sizes", opt("sizes", "100,350,1000,2000,4000,10000"));
    put("tasklist.reps", reps);
    put("tasklist.holder", holder);
    put("tasklist.small_holder", small);
    put("tasklist.small", smallSize);
    Map<String, String> filters = tasklistFilters();
    fillTasks(small, "青年路北段", smallSize);
    for (int size : sizes) {
      fillTasks(holder, "和平里东街", size);
      measureTasklist(holder, "n" + size, filters, reps);
    }
    measureTasklist(small, "small", filters, reps);
    int officeTasks = optInt("office-tasks", 0);
    if (officeTasks > 0) {
      put("tasklist.office_user", opt("office-user", "hanxue"));
      dispatchTo(holder, officeTasks);
      measureTasklist(opt("office-user", "hanxue"), "office", filters, reps);
    }
    try (Connection c = db()) {
      put("tasklist.closed_cases", queryLong(c, "select count(*) from case_record where status in ('CLOSED', 'REJECTED')"));
      // Grants that outlive what they grant: a task or an instance that no longer runs.
      put("tasklist.orphan_task_grants", queryLong(c, "select count(*) from ACT_RU_AUTHORIZATION a where "
          + "a.RESOURCE_TYPE_ = 7 and a.RESOURCE_ID_ <> '*' and not exists (select 1 from ACT_RU_TASK t where t.ID_ = a.RESOURCE_ID_)"));
      put("tasklist.orphan_instance_grants", queryLong(c, "select count(*) from ACT_RU_AUTHORIZATION a where "
          + "a.RESOURCE_TYPE_ = 8 and a.RESOURCE_ID_ <> '*' and not exists (select 1 from ACT_RU_EXECUTION e where e.ID_ = a.RESOURCE_ID_)"));
    }
    log("grants that outlive their task: %s, their instance: %s", r("tasklist.orphan_task_grants"),
        r("tasklist.orphan_instance_grants"));
  }

  static Map<String, String> tasklistFilters() throws Exception {
    HttpResponse<String> r = get("/engine-rest/filter?resourceType=Task", adminAuth());
    if (r.statusCode() != 200) {
      throw new BenchFailure("GET /engine-rest/filter answered " + r.statusCode());
    }
    Map<String, String> ids = new LinkedHashMap<>();
    for (String[] filter : TASKLIST_FILTERS) {
      Matcher m = Pattern.compile("\"id\":\"([^\"]+)\",\"resourceType\":\"Task\",\"name\":\"" + filter[1] + "\"")
          .matcher(r.body());
      if (!m.find()) {
        throw new BenchFailure("no shared filter " + filter[1] + " in " + abbreviate(r.body()));
      }
      ids.put(filter[0], m.group(1));
    }
    return ids;
  }

  /** The open tasks a user holds: assigned to them, or offered to one of their groups and not yet claimed. */
  static long openTasksOf(String user) throws Exception {
    try (Connection c = db()) {
      return queryLong(c, "select count(*) from ACT_RU_TASK t where t.ASSIGNEE_ = ? or (t.ASSIGNEE_ is null and "
          + "exists (select 1 from ACT_RU_IDENTITYLINK i join ACT_ID_MEMBERSHIP m on m.GROUP_ID_ = i.GROUP_ID_ "
          + "where i.TASK_ID_ = t.ID_ and i.TYPE_ = 'candidate' and m.USER_ID_ = ?))", user, user);
    }
  }

  /**
   * Completes {@code n} of the holder's 受理 tasks with 派单 through engine-rest, as the holder: the cases go to the
   * handling office, whose staff then hold them unclaimed in 本部门待办.
   */
  static void dispatchTo(String holder, int n) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection c = db(); PreparedStatement s = c.prepareStatement(
        "select ID_ from ACT_RU_TASK where ASSIGNEE_ = ? and TASK_DEF_KEY_ = 'acceptCase' limit " + n)) {
      s.setString(1, holder);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    String auth = basic(holder, "demo");
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    create("dispatches by " + holder, ids.size(), seq -> {
      int i = next.getAndIncrement();
      if (i >= ids.size()) {
        return null;
      }
      HttpResponse<String> r = postJson("/engine-rest/task/" + ids.get(i) + "/complete",
          "{\"variables\":{\"acceptDecision\":{\"value\":\"dispatch\"}}}", auth, null);
      return r.statusCode() == 204 ? null : "complete " + r.statusCode() + " " + abbreviate(r.body());
    });
  }

  /** Reports at the given street until {@code user} holds {@code n} open tasks. */
  static void fillTasks(String user, String street, int n) throws Exception {
    long have = openTasksOf(user);
    if (have >= n) {
      return;
    }
    long first = SEQ.getAndAdd(n - have);
    Call report = seq -> {
      long i = first + seq;
      String json = "{\"category\":\"sanitation\",\"description\":\"" + street + (1 + i % 97) + "号楼下垃圾堆积（压测 "
          + i + "）\",\"location\":{\"address\":\"" + street + (1 + i % 97) + "号\"},\"urgency\":\"normal\","
          + "\"reporter\":{\"name\":\"压测用户\",\"phone\":\"" + String.format(Locale.ROOT, "137%08d", i % 100_000_000L)
          + "\"},\"source\":\"resident\"}";
      HttpResponse<String> r = postJson("/api/cases", json, null, "tasklist-" + RUN_ID + "-" + i);
      return r.statusCode() == 201 ? null : "POST /api/cases " + r.statusCode() + " " + abbreviate(r.body());
    };
    create("cases for " + user, (int) (n - have), report);
    long now = openTasksOf(user);
    if (now < n) {
      throw new BenchFailure(user + " holds " + now + " open tasks after the reports, not " + n);
    }
  }

  static void measureTasklist(String user, String label, Map<String, String> filters, int reps) throws Exception {
    String auth = basic(user, "demo");
    String prefix = "tasklist." + label;
    put(prefix + ".open_tasks", openTasksOf(user));
    try (Connection c = db()) {
      put(prefix + ".auth_rows", queryLong(c, "select count(*) from ACT_RU_AUTHORIZATION"));
      put(prefix + ".open_tasks_all", queryLong(c, "select count(*) from ACT_RU_TASK"));
    }
    for (Map.Entry<String, String> filter : filters.entrySet()) {
      String id = filter.getValue();
      timed(prefix + "." + filter.getKey() + ".list", reps, seq -> {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/engine-rest/filter/" + id
                + "/list?firstResult=0&maxResults=15")).timeout(Duration.ofSeconds(120))
            .header("Authorization", auth).header("Content-Type", "application/json")
            .header("Accept", "application/hal+json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? null : "filter list " + r.statusCode() + " " + abbreviate(r.body());
      });
      timed(prefix + "." + filter.getKey() + ".count", reps, seq -> {
        HttpResponse<String> r = get("/engine-rest/filter/" + id + "/count", auth);
        return r.statusCode() == 200 ? null : "filter count " + r.statusCode() + " " + abbreviate(r.body());
      });
      HttpResponse<String> count = get("/engine-rest/filter/" + id + "/count", auth);
      Matcher m = Pattern.compile("\"count\":(\\d+)").matcher(count.body());
      put(prefix + "." + filter.getKey() + ".tasks", m.find() ? m.group(1) : "?");
    }
    Matcher task = null;
    for (String filter : List.of("mine", "unit")) {
      HttpResponse<String> page = postJson("/engine-rest/filter/" + filters.get(filter)
          + "/list?firstResult=0&maxResults=1", "{}", auth, null);
      task = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(page.body());
      if (task.find()) {
        break;
      }
      task = null;
    }
    if (task == null) {
      throw new BenchFailure(user + " has no task in 我的待办 or 本部门待办");
    }
    String taskId = task.group(1);
    timed(prefix + ".form", reps, seq -> {
      HttpResponse<String> r = get("/engine-rest/task/" + taskId + "/form-variables", auth);
      return r.statusCode() == 200 && r.body().contains("caseNo") ? null
          : "form-variables " + r.statusCode() + " " + abbreviate(r.body());
    });
    log("%s (%s open tasks, %s grants): 我的待办 list p99 %s ms, count p99 %s ms; 即将超期 list p99 %s ms; form p99 %s ms",
        user, r(prefix + ".open_tasks"), r(prefix + ".auth_rows"), r(prefix + ".mine.list.p99_ms"),
        r(prefix + ".mine.count.p99_ms"), r(prefix + ".due_soon.list.p99_ms"), r(prefix + ".form.p99_ms"));
  }

  /**
   * Two untimed requests, then {@code reps} timed ones in a row by one client ({@link #runLevel}); p50, p99, max and
   * best into the results. Any failure ends the step.
   */
  static void timed(String key, int reps, Call request) throws Exception {
    for (int i = 0; i < 2; i++) {
      String error = request.call(0);
      if (error != null) {
        throw new BenchFailure(key + ": " + error);
      }
    }
    Level level = runLevel(1, 0, 600, reps, request, null);
    if (level.errors() > 0 || level.ok() < reps) {
      throw new BenchFailure(key + ": " + level.ok() + " of " + reps + " answered, first error: " + level.firstError());
    }
    put(key + ".p50_ms", level.p50());
    put(key + ".p99_ms", level.p99());
    put(key + ".max_ms", level.max());
    put(key + ".best_ms", level.min());
  }

  static void tasklistReport(StringBuilder md) {
    md.append("\n## Tasklist at scale\n\n");
    md.append("As `").append(r("tasklist.holder")).append("` (the grid worker who accepts every report of the grid) "
        + "through engine-rest with HTTP Basic: the first page of each shared filter (`POST /engine-rest/filter/{id}/list"
        + "?firstResult=0&maxResults=15`, `Accept: application/hal+json`, body `{}`: the tasks and the filter's "
        + "variables), each filter's `GET …/count`, and `GET /engine-rest/task/{id}/form-variables` of one task; one "
        + "client, ").append(r("tasklist.reps")).append(" timed requests each after two untimed; closed cases in the "
        + "database: ").append(r("tasklist.closed_cases")).append(". p99 in ms (best in brackets).\n\n");
    md.append("| open tasks held | open tasks, all | authorization rows | 我的待办 | 本部门待办 | 即将超期 | 已超期 | 抄送本部门 "
        + "| slowest count | form variables |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    List<String> labels = new ArrayList<>();
    for (String size : r("tasklist.sizes").split(",")) {
      labels.add("n" + size.trim());
    }
    labels.add("small");
    labels.add("office");
    for (String label : labels) {
      String p = "tasklist." + label;
      if (r(p + ".open_tasks") == null) {
        continue;
      }
      String who = label.equals("small") ? " (`" + r("tasklist.small_holder") + "`)"
          : label.equals("office") ? " (`" + r("tasklist.office_user") + "`, unclaimed in 本部门待办)" : "";
      md.append("| ").append(r(p + ".open_tasks")).append(who)
          .append(" | ").append(r(p + ".open_tasks_all")).append(" | ").append(r(p + ".auth_rows"));
      double slowestCount = 0;
      for (String[] filter : TASKLIST_FILTERS) {
        String k = p + "." + filter[0];
        md.append(" | ").append(f(d(k + ".list.p99_ms"), 0)).append(" (").append(f(d(k + ".list.best_ms"), 0)).append(")");
        slowestCount = Math.max(slowestCount, d(k + ".count.p99_ms"));
      }
      md.append(" | ").append(f(slowestCount, 0)).append(" | ").append(f(d(p + ".form.p99_ms"), 0)).append(" |\n");
    }
    md.append("\nGrants that outlive their task: ").append(r("tasklist.orphan_task_grants"))
        .append("; that outlive their instance: ").append(r("tasklist.orphan_instance_grants")).append(".\n");
  }

  // ------------------------------------------------------------------------------------------------ vanilla app

  /** A fresh database for the plain Camunda application, which the bench account may use. */
  static void vanillaDb(String name) throws Exception {
    if (name == null || !name.matches("lianhu_bench[A-Za-z0-9_]*")) {
      throw new BenchFailure("refusing to use database name " + name);
    }
    recreateDb(name);
  }

  /**
   * The plain Camunda application of bench/vanilla (started by bench/run.sh on --base): the engine-rest start of its
   * one-user-task process at --levels, without authentication. Figures under vanilla_app.<history>.
   */
  static void vanillaApp() throws Exception {
    String history = opt("history", "full");
    Call call = vanillaCall(null);
    for (int clients : levels()) {
      measure("vanilla-app", call, clients, optDouble("warmup-s", 5), optDouble("duration-s", 20),
          Long.parseLong(opt("max-requests", "1000000")),
          new Probe(Long.parseLong(opt("server-pid", "0")), Long.parseLong(opt("db-pid", "0")), false, null),
          "vanilla_app." + history);
    }
  }

  static void vanillaAppReport(StringBuilder md) {
    md.append("\n## Intake against a plain Camunda application\n\n");
    md.append("bench/vanilla: Camunda 7.24 with its Spring Boot starter and engine-rest, no authentication, one process "
        + "with one user task, the mysql profile's JDBC URL and pool, a database of its own per history level; "
        + "`POST /engine-rest/process-definition/key/benchVanilla/start`. Lianhu: `POST /api/cases` measured right "
        + "after, on its own server (history ").append(r("intake_vs.history") == null ? "audit" : r("intake_vs.history"))
        .append(").\n\n");
    md.append("| what | clients | requests | throughput /s | p50 ms | p99 ms | Lianhu ÷ this |\n"
        + "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (String level : List.of("1", "8", "32")) {
      String lianhu = "intake_vs.c" + level;
      if (r(lianhu + ".throughput") == null) {
        continue;
      }
      md.append("| Lianhu `POST /api/cases` | ").append(level).append(" | ").append(f(d(lianhu + ".ok"), 0)).append(" | ")
          .append(f(d(lianhu + ".throughput"), 1)).append(" | ").append(f(d(lianhu + ".p50_ms"), 1)).append(" | ")
          .append(f(d(lianhu + ".p99_ms"), 1)).append(" | 1.00 |\n");
      for (String history : List.of("audit", "full")) {
        String k = "vanilla_app." + history + ".c" + level;
        if (r(k + ".throughput") == null) {
          continue;
        }
        md.append("| plain Camunda, history ").append(history).append(" | ").append(level).append(" | ")
            .append(f(d(k + ".ok"), 0)).append(" | ").append(f(d(k + ".throughput"), 1)).append(" | ")
            .append(f(d(k + ".p50_ms"), 1)).append(" | ").append(f(d(k + ".p99_ms"), 1)).append(" | ")
            .append(ratio(d(lianhu + ".throughput"), d(k + ".throughput"))).append(" |\n");
      }
    }
    md.append("\nTarget: at least 1.0x the plain application's `full` start and p99 under 100 ms at 8 clients: ")
        .append(ratio(d("intake_vs.c8.throughput"), d("vanilla_app.full.c8.throughput"))).append(", p99 ")
        .append(f(d("intake_vs.c8.p99_ms"), 1)).append(" ms.\n");
  }

  static void report() throws Exception {
    StringBuilder md = new StringBuilder();
    String mode = opt("mode", r("run.mode"));
    md.append("# Lianhu benchmark: ").append(r("run.started")).append(" (").append(mode).append(")\n\n");
    md.append("Command: `").append(r("run.command")).append("` · jar `").append(r("run.jar")).append("` · commit `")
        .append(r("run.commit")).append("`\n\n");
    md.append("Machine: ").append(r("env.cpus")).append(" CPUs (").append(r("env.cpu_model")).append("), ")
        .append(r("env.mem_gb")).append(" GiB RAM, ").append(r("env.java")).append("; database ")
        .append(r("env.db.version")).append(" (innodb_buffer_pool_size ").append(r("env.db.buffer_pool_mb"))
        .append(" MiB, innodb_flush_log_at_trx_commit ").append(r("env.db.flush_log_at_trx_commit"))
        .append(", binlog ").append("1".equals(r("env.db.log_bin")) ? "on" : "off")
        .append("). Server, database and load generator share the machine.\n\n");
    if (r("run.server_args_extra") != null && !r("run.server_args_extra").isBlank()) {
      md.append("Extra server arguments: `").append(r("run.server_args_extra")).append("`\n\n");
    }

    md.append("## 1. Intake\n\n");
    md.append("| what | clients | requests | throughput /s | p50 ms | p99 ms | max ms | Lianhu ÷ this | other load, CPUs |\n");
    md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    List<Integer> lv = new ArrayList<>();
    for (String s : opt("levels", r("run.levels") == null ? "1,8,32" : r("run.levels")).split(",")) {
      lv.add(Integer.parseInt(s.trim()));
    }
    String[][] targets = {{"intake", "Lianhu `POST /api/cases` (full intake)"},
        {"vanilla", "vanilla Camunda: engine-rest start, one user task"},
        {"dbinsert", "database: single-row INSERT, autocommit"}};
    for (String[] t : targets) {
      for (int c : lv) {
        String k = t[0] + ".c" + c;
        md.append("| ").append(t[1]).append(" | ").append(c).append(" | ").append(f(d(k + ".ok"), 0)).append(" | ")
            .append(f(d(k + ".throughput"), 1)).append(" | ").append(f(d(k + ".p50_ms"), 1)).append(" | ")
            .append(f(d(k + ".p99_ms"), 1)).append(" | ").append(f(d(k + ".max_ms"), 1)).append(" | ")
            .append(t[0].equals("intake") ? "1.00" : ratio(d("intake.c" + c + ".throughput"), d(k + ".throughput")))
            .append(" | ").append(f(d(k + ".cpu_others_cpus"), 2)).append(" |\n");
      }
    }
    boolean intakeKnown = !Double.isNaN(d("intake.c8.throughput")) && !Double.isNaN(d("vanilla.c8.throughput"));
    boolean fasterEverywhere = true;
    for (int c : lv) {
      if (!(d("intake.c" + c + ".throughput") >= d("vanilla.c" + c + ".throughput"))) {
        fasterEverywhere = false;
      }
    }
    md.append("\nTarget: intake at least as fast as the vanilla engine-rest start at every level: ")
        .append(verdict(intakeKnown, fasterEverywhere)).append(". p99 under 100 ms at 8 clients: ")
        .append(f(d("intake.c8.p99_ms"), 1)).append(" ms, ")
        .append(verdict(!Double.isNaN(d("intake.c8.p99_ms")), d("intake.c8.p99_ms") < 100)).append(".\n\n");

    md.append("Cost per request at 8 clients (server CPU from /proc/<pid>/stat; the bench account's statements, rows and "
        + "busy time from MariaDB's USER_STATISTICS; server-wide counters from SHOW GLOBAL STATUS include other "
        + "sessions' traffic):\n\n");
    md.append("| per request | Lianhu intake | vanilla start | DB insert |\n| --- | ---: | ---: | ---: |\n");
    String[][] per = {{"cpu_server_s", "server CPU ms", "1000"},
        {"db_user_busy_time", "database busy time of the bench account, ms (USER_STATISTICS)", "1000"},
        {"db_user_select_commands", "SELECT (bench account)", "1"},
        {"db_user_update_commands", "INSERT / UPDATE / DELETE (bench account)", "1"},
        {"db_user_other_commands", "other statements (bench account)", "1"},
        {"db_user_rows_read", "rows read (bench account)", "1"},
        {"db_user_rows_inserted", "rows inserted (bench account)", "1"},
        {"cpu_db_s", "database process CPU ms (whole server, all accounts)", "1000"},
        {"db_questions", "statements, server-wide (all accounts)", "1"},
        {"db_com_insert", "INSERT, server-wide", "1"}, {"db_com_commit", "COMMIT, server-wide", "1"},
        {"db_innodb_data_fsyncs", "fsyncs, server-wide", "1"},
        {"cpu_others_cpus", "other processes on the machine, CPUs busy (not per request)", "0"}};
    for (String[] p : per) {
      md.append("| ").append(p[1]);
      for (String t : List.of("intake", "vanilla", "dbinsert")) {
        double total = d(t + ".c8." + p[0]);
        double n = p[2].equals("0") ? 1 : d(t + ".c8.ok");
        double scale = p[2].equals("0") ? 1 : Double.parseDouble(p[2]);
        md.append(" | ").append(f(total * scale / n, p[2].equals("1") ? 1 : 2));
      }
      md.append(" |\n");
    }

    md.append("\nOther load = CPU used by processes other than the server, the database and the load generator during the "
        + "level (other sessions on the machine), in CPUs of ").append(r("env.cpus")).append(".\n\n");
    for (String t : List.of("intake", "vanilla")) {
      if (r("rows." + t + ".total") != null) {
        md.append("Rows written per ").append(t.equals("intake") ? "report (`POST /api/cases`)" : "vanilla start")
            .append(": ").append(f(d("rows." + t + ".total"), 0)).append(" — ").append(r("rows." + t + ".tables"))
            .append(".\n\n");
      }
    }
    md.append("## 2. Timers\n\n");
    md.append("| what | jobs | first done after s | all done after s | drain s | jobs/s (drain) | jobs/s incl. wake-up |\n");
    md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (String[] t : new String[][] {{"empty", "empty timer jobs (baseline: timer fires, instance ends)"},
        {"escalation", "Lianhu escalations (响应超期 → 超期督办)"}}) {
      String k = "timers." + t[0];
      md.append("| ").append(t[1]).append(" | ").append(f(d(k + ".done"), 0)).append(" | ")
          .append(f(d(k + ".first_done_s"), 2)).append(" | ").append(f(d(k + ".all_done_s"), 1)).append(" | ")
          .append(f(d(k + ".drain_s"), 1)).append(" | ").append(f(d(k + ".rate_per_s"), 1)).append(" | ")
          .append(f(d(k + ".rate_incl_wakeup_per_s"), 1)).append(" |\n");
    }
    double timerRatio = d("timers.empty.rate_per_s") / d("timers.escalation.rate_per_s");
    md.append("\nEscalation rate ÷ empty-job rate: ")
        .append(ratio(d("timers.escalation.rate_per_s"), d("timers.empty.rate_per_s")))
        .append(" (empty jobs are ").append(f(timerRatio, 2)).append("x faster). Target within 2x: ")
        .append(verdict(!Double.isNaN(timerRatio), timerRatio <= 2.0)).append(". Server CPU per job: escalation ")
        .append(f(1000 * d("timers.escalation.cpu_server_s") / d("timers.escalation.done"), 2)).append(" ms, empty ")
        .append(f(1000 * d("timers.empty.cpu_server_s") / d("timers.empty.done"), 2)).append(" ms; database CPU per job: ")
        .append(f(1000 * d("timers.escalation.cpu_db_s") / d("timers.escalation.done"), 2)).append(" ms vs ")
        .append(f(1000 * d("timers.empty.cpu_db_s") / d("timers.empty.done"), 2)).append(" ms.\n\n");

    md.append("## 3. Queries (").append(f(d("history.cases"), 0)).append(" historical cases over ")
        .append(r("history.months")).append(" months, ").append(f(d("history.timeline_rows_total"), 0))
        .append(" timeline rows; loaded in ").append(f(d("history.load_s"), 0)).append(" s)\n\n");
    md.append("| what | clients | lookups | p50 ms | p99 ms | max ms | throughput /s |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (String c : List.of("1", "8")) {
      String k = "lookup.c" + c;
      if (r(k + ".ok") != null) {
        md.append("| progress lookup `GET /api/cases/{no}` | ").append(c).append(" | ").append(f(d(k + ".ok"), 0))
            .append(" | ").append(f(d(k + ".p50_ms"), 1)).append(" | ").append(f(d(k + ".p99_ms"), 1)).append(" | ")
            .append(f(d(k + ".max_ms"), 1)).append(" | ").append(f(d(k + ".throughput"), 1)).append(" |\n");
      }
    }
    md.append("\nTarget p99 under 20 ms: ").append(verdict(r("lookup.c1.p99_ms") != null, d("lookup.c1.p99_ms") < 20))
        .append(" (1 client: ").append(f(d("lookup.c1.p99_ms"), 1)).append(" ms; 8 clients: ")
        .append(f(d("lookup.c8.p99_ms"), 1)).append(" ms).\n\n");
    md.append("KPI aggregates (median of the timed runs, ms; rows = result rows):\n\n");
    md.append("| KPI by … per month | window | as migrated | + covering index `ix_case_kpi` | monthly roll-up table | roll-up + current month live |\n| --- | --- | ---: | ---: | ---: | ---: |\n");
    double worstBefore = 0;
    double worstCovering = 0;
    double worstRollup = 0;
    for (String[] q : KPI_QUERIES) {
      for (String w : List.of("12m", "all")) {
        double b = d("kpi.before." + q[0] + "." + w + ".p50_ms");
        double cv = d("kpi.covering." + q[0] + "." + w + ".p50_ms");
        double ru = d("kpi.rollup." + q[0] + "." + w + ".p50_ms");
        double hy = d("kpi.hybrid." + q[0] + "." + w + ".p50_ms");
        if (Double.isNaN(b) && Double.isNaN(cv)) {
          continue;
        }
        worstBefore = Math.max(worstBefore, Double.isNaN(b) ? 0 : b);
        worstCovering = Math.max(worstCovering, Double.isNaN(cv) ? 0 : cv);
        worstRollup = Math.max(worstRollup, Double.isNaN(ru) ? 0 : ru);
        worstRollup = Math.max(worstRollup, Double.isNaN(hy) ? 0 : hy);
        md.append("| ").append(q[0]).append(" | ").append(w.equals("12m") ? "last 12 months" : "all history")
            .append(" | ").append(f(b, 0)).append(" | ").append(f(cv, 0)).append(" | ").append(f(ru, 1)).append(" | ")
            .append(f(hy, 1)).append(" |\n");
      }
    }
    md.append("\nTarget under 300 ms: as migrated ").append(verdict(worstBefore > 0, worstBefore < 300))
        .append(" (worst ").append(f(worstBefore, 0)).append(" ms); with the covering index ")
        .append(verdict(worstCovering > 0, worstCovering < 300)).append(" (worst ").append(f(worstCovering, 0))
        .append(" ms); roll-up (with the current month live) ").append(verdict(worstRollup > 0, worstRollup < 300)).append(" (worst ")
        .append(f(worstRollup, 1)).append(" ms, table of ").append(f(d("kpi.rollup.rows"), 0)).append(" rows built in ")
        .append(f(d("kpi.rollup.build_s"), 1)).append(" s).\n\n");
    md.append("Indexes of case_record as migrated: `").append(r("kpi.before.indexes")).append("`. Plan (street, 12 months) as migrated: `")
        .append(r("kpi.before.explain_street_12m")).append("`; with the covering index: `")
        .append(r("kpi.covering.explain_street_12m")).append("`.\n\n");
    if (r("stats.c1.ok") != null) {
      md.append("KPI REST API `GET /api/stats/kpis?groupBy=street|community|department&period=month` (HTTP Basic as `majie`, "
          + "default window of twelve months), one client: as migrated p50 ").append(f(d("stats.c1.p50_ms"), 0))
          .append(" ms, p99 ").append(f(d("stats.c1.p99_ms"), 0)).append(" ms over ").append(f(d("stats.c1.ok"), 0))
          .append(" calls; with the covering index p50 ").append(f(d("stats_tuned.c1.p50_ms"), 0)).append(" ms, p99 ")
          .append(f(d("stats_tuned.c1.p99_ms"), 0)).append(" ms over ").append(f(d("stats_tuned.c1.ok"), 0))
          .append(" calls. The first call after the history load (it builds the roll-up from every case where the jar has "
          + "one) took ").append(f(d("stats_api.first_call_ms"), 0)).append(" ms.\n\n");
    } else if (r("stats_api.probe_status") != null) {
      md.append("KPI REST API: `GET /api/stats/kpis` answered ").append(r("stats_api.probe_status"))
          .append(" in this jar; the SQL above is what it would run.\n\n");
    }

    if (!Double.isNaN(d("outbox.per_second"))) {
      md.append("## Notifications: the outbox to a local SMTP server\n\n")
          .append(f(d("outbox.emails"), 0)).append(" e-mails queued at once; the server's worker claimed, sent and marked each: ")
          .append(f(d("outbox.sink_received"), 0)).append(" received, ").append(f(d("outbox.rows_sent"), 0))
          .append(" marked sent, ").append(f(d("outbox.per_second"), 0)).append(" e-mails/s (first to last in ")
          .append(f(d("outbox.seconds"), 1)).append(" s). Target at least 200/s: ")
          .append(verdict(true, d("outbox.per_second") >= 200)).append(".\n\n");
    }
    if (!Double.isNaN(d("photo.c8.ok"))) {
      md.append("## Photos: a report with one photo of ").append(f(d("photo.bytes") / 1024 / 1024, 1))
          .append(" MiB\n\n| how | clients | reports | reports /s | p50 ms | p99 ms | max ms | RSS max / avg MiB |\n")
          .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
      String[][] ways = {{"photo", "`POST /api/uploads` (the photo as the body), then the JSON report"},
          {"photo-multipart", "one multipart `POST /api/cases`"}};
      for (String[] way : ways) for (int c : List.of(1, 8)) {
        String k = way[0] + ".c" + c;
        if (!Double.isNaN(d(k + ".ok"))) {
          md.append("| ").append(way[1]).append(" | ").append(c).append(" | ").append(f(d(k + ".ok"), 0)).append(" | ")
              .append(f(d(k + ".throughput"), 1)).append(" | ").append(f(d(k + ".p50_ms"), 1)).append(" | ")
              .append(f(d(k + ".p99_ms"), 1)).append(" | ").append(f(d(k + ".max_ms"), 1)).append(" | ")
              .append(f(d(k + ".rss_max_mb"), 0)).append(" / ").append(f(d(k + ".rss_avg_mb"), 0)).append(" |\n");
        }
      }
      md.append("\nTarget: p99 under 300 ms at 8 clients (the page's way): ").append(f(d("photo.c8.p99_ms"), 1)).append(" ms, ")
          .append(verdict(true, d("photo.c8.p99_ms") < 300)).append(".\n\n");
    }

    md.append("## 4. Memory and start-up\n\n| what | value |\n| --- | ---: |\n");
    md.append("| start-up, empty database (schema created): `Started LianhuApplication in` | ")
        .append(f(d("startup.cold.started_in_s"), 1)).append(" s (first 200 on /api/categories after ")
        .append(f(d("startup.cold.first_200_s"), 1)).append(" s) |\n");
    md.append("| start-up, existing database | ").append(f(d("startup.warm.started_in_s"), 1))
        .append(" s (first 200 after ").append(f(d("startup.warm.first_200_s"), 1)).append(" s) |\n");
    md.append("| RSS right after start-up | ").append(f(d("startup.warm.rss_mb"), 0)).append(" MiB |\n");
    md.append("| heap used during 8-client intake: max / average (jstat, 1 s) | ")
        .append(f(d("intake.c8.heap_used_max_mb"), 0)).append(" / ").append(f(d("intake.c8.heap_used_avg_mb"), 0))
        .append(" MiB (committed ").append(f(d("intake.c8.heap_committed_mb"), 0)).append(" MiB, max heap ")
        .append(f(d("intake.c8.heap_max_mb"), 0)).append(" MiB) |\n");
    md.append("| RSS during 8-client intake: max / average | ").append(f(d("intake.c8.rss_max_mb"), 0)).append(" / ")
        .append(f(d("intake.c8.rss_avg_mb"), 0)).append(" MiB |\n");
    md.append("| JVM options | `").append(r("run.java_opts") == null || r("run.java_opts").isBlank() ? "(none: JVM defaults)" : r("run.java_opts")).append("` |\n");

    md.append("\nRun: ").append(f(d("run.duration_s") / 60, 1)).append(" minutes; ERROR lines in the server logs: ")
        .append(r("run.server_log_errors")).append("; load average at start: ").append(r("env.loadavg_at_start"))
        .append(".\n");
    if (r("org.size.streets") != null) {
      orgReport(md);
    }
    if (r("liaison.size.households") != null) {
      liaisonReport(md);
    }
    if (r("tasklist.sizes") != null) {
      tasklistReport(md);
    }
    if (r("vanilla_app.full.c8.throughput") != null || r("vanilla_app.audit.c8.throughput") != null) {
      vanillaAppReport(md);
    }
    List<String> profiles = new ArrayList<>();
    for (String p : List.of("jfr.intake", "jfr.vanilla", "jfr.timers_empty", "jfr.timers_escalation")) {
      if (r(p + ".summary_file") != null) {
        profiles.add(p);
      }
    }
    if (!profiles.isEmpty()) {
      md.append("\n## Profiles (JFR with bench/profile.jfc: CPU samples every 10 ms; intake and vanilla in 15 s passes of "
          + "their own after the measured levels, timers during both drains)\n\n");
      for (String p : profiles) {
        md.append("### ").append(p).append(" (").append(r(p + ".samples")).append(" CPU samples; full table in `")
            .append(r(p + ".summary_file")).append("`)\n\n");
        md.append("| library (leaf-most) | share of CPU samples |\n| --- | ---: |\n");
        List<Map.Entry<String, Double>> libs = new ArrayList<>();
        for (String k : results.stringPropertyNames()) {
          if (k.startsWith(p + ".lib.")) {
            libs.add(Map.entry(k.substring((p + ".lib.").length()).replace('_', ' ').trim(), d(k)));
          }
        }
        libs.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        for (int i = 0; i < Math.min(8, libs.size()); i++) {
          md.append("| ").append(libs.get(i).getKey()).append(" | ").append(f(libs.get(i).getValue(), 1)).append("% |\n");
        }
        md.append("\nOn the stack (inclusive): ");
        List<String> inc = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          String v = r(p + ".inclusive." + String.format(Locale.ROOT, "%02d", i));
          if (v != null) {
            inc.add("`" + v + "`");
          }
        }
        md.append(String.join(", ", inc)).append("\n\n");
      }
    }
    Path out = Path.of(opt("out", "bench/results/latest.md"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
    System.out.print(md);
  }
}
