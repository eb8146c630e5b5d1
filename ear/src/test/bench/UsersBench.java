import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The users benchmark of {@code bin/vpbx bench users}, run as a single-file program against a
 * deployed vPBX whose domain has the seeded users. Plain JDK: an HTTP client that behaves like the
 * browser (the JSF page, its view state and PrimeFaces' AJAX requests), the xlsx written by hand,
 * and the server's JFR recording read with the JDK's own reader.
 *
 * <p>Part 1, the user list as the domain's admin: the first page (a full GET of the page), paging
 * to a random later page, sorting by a random column, and a search; interleaved round by round with
 * the baseline, the same server's login page (a small JSF page), so that machine noise hits both.
 *
 * <p>Part 2, an import of ROWS users through the import page: upload an xlsx, check (the preview),
 * «Создать», poll the progress bar until 100 %, with a JFR recording on the server for the peak
 * heap and where the time went.
 *
 * <p>Arguments: base-url domain login password import-rows out-dir work-dir server-pid machine
 * [rounds] [warmup]
 */
public class UsersBench {
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern VIEW_STATE_PARTIAL =
            Pattern.compile(
                    "<update id=\"[^\"]*jakarta.faces.ViewState[^\"]*\"><!\\[CDATA\\[([^\\]]+)\\]\\]>");
    private static final Pattern TABLE =
            Pattern.compile("<div id=\"([^\"]+)\" class=\"(ui-datatable|ui-treetable)[ \"]");
    private static final Pattern SORTABLE = Pattern.compile("<th id=\"([^\"]+)\"[^>]*ui-sortable-column");
    private static final Pattern ROW = Pattern.compile("<tr [^>]*data-r[ik]=\"");

    private final String base;
    private final HttpClient admin;
    /** A second session of the same admin for the full GETs: each GET is a new view, and views are
     * kept per session a few at a time, so the AJAX views live in a session of their own. */
    private final HttpClient browsing;
    private final HttpClient anonymous;
    private final Random random = new Random(42);

    UsersBench(String base) {
        this.base = base;
        this.admin =
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
        this.browsing =
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
        this.anonymous =
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
    }

    public static void main(String[] args) throws Exception {
        String base = args[0], domain = args[1], login = args[2], password = args[3];
        int rows = Integer.parseInt(args[4]);
        Path out = Path.of(args[5]), work = Path.of(args[6]);
        String pid = args[7], machine = args[8];
        int rounds = args.length > 9 ? Integer.parseInt(args[9]) : 220;
        int warmup = args.length > 10 ? Integer.parseInt(args[10]) : 40;
        UsersBench bench = new UsersBench(base);
        bench.login(domain, login, password);
        Map<String, Object> list = bench.list(rounds, warmup);
        // The list's results first, so that a failed or interrupted import leaves them.
        write(out, machine, list, Map.of());
        if (rows > 0) {
            write(out, machine, list, bench.importRows(rows, work, pid));
        }
    }

    private static void write(Path out, String machine, Map<String, Object> list, Map<String, Object> imp)
            throws IOException {
        String when = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", when);
        report.put("machine", machine);
        report.put("user_list", list);
        report.put("import", imp);
        Files.createDirectories(out);
        Files.writeString(out.resolve("users.json"), json(report, "") + "\n");
        Files.writeString(out.resolve("users.md"), markdown(when, machine, list, imp));
        System.out.println(json(report, ""));
    }

    // ---------------------------------------------------------------- login

    void login(String domain, String login, String password) throws Exception {
        login(admin, domain, login, password);
        login(browsing, domain, login, password);
    }

    void login(HttpClient admin, String domain, String login, String password) throws Exception {
        HttpResponse<String> page = get(admin, "/domain/login.xhtml");
        String state = viewState(page.body());
        HttpResponse<String> done =
                post(
                        admin,
                        "/domain/login.xhtml",
                        form(
                                "loginForm", "loginForm",
                                "loginForm:login", login,
                                "loginForm:password", password,
                                "loginForm:domain", domain,
                                "loginForm:submit", "",
                                "jakarta.faces.ViewState", state),
                        false);
        if (!done.uri().getPath().contains("/domain/info/")) {
            throw new IllegalStateException("login failed: ended at " + done.uri());
        }
    }

    // ---------------------------------------------------------------- part 1: the list

    Map<String, Object> list(int rounds, int warmup) throws Exception {
        HttpResponse<String> page = get(admin, "/domain/users/list.xhtml");
        check(page, "the list page");
        Matcher t = TABLE.matcher(page.body());
        if (!t.find()) {
            throw new IllegalStateException("no data table or tree table on the list page");
        }
        String table = t.group(1);
        String form = table.substring(0, table.indexOf(':'));
        List<String> sortable = new ArrayList<>();
        Matcher s = SORTABLE.matcher(page.body());
        while (s.find()) {
            sortable.add(s.group(1));
        }
        String search = page.body().contains("id=\"" + form + ":search\"") ? form + ":search" : null;
        int firstRows = rows(page.body());
        long total = total(page.body());
        System.err.printf(
                "list: table %s, %d rows on the first page, %d sortable columns, search %s, total %s%n",
                table, firstRows, sortable.size(), search, total);

        // One view (a GET) per kind of AJAX request, as a person with several tabs.
        String pagingState = viewState(get(admin, "/domain/users/list.xhtml").body());
        String sortState = viewState(get(admin, "/domain/users/list.xhtml").body());
        String searchState = search == null ? null : viewState(get(admin, "/domain/users/list.xhtml").body());
        int pages = (int) Math.max(1, Math.min(200, (total > 0 ? total : 10_000) / 50));

        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (String k : List.of("baseline_login_page", "first_page", "paging", "sorting", "search")) {
            times.put(k, new ArrayList<>());
        }
        int minRows = Integer.MAX_VALUE, maxRows = 0;
        for (int round = 0; round < warmup + rounds; round++) {
            boolean measured = round >= warmup;
            // The baseline: the same server's login page, without a session.
            long t0 = System.nanoTime();
            HttpResponse<String> login = get(anonymous, "/domain/login.xhtml");
            double ms = (System.nanoTime() - t0) / 1e6;
            check(login, "the login page");
            if (measured) times.get("baseline_login_page").add(ms);

            t0 = System.nanoTime();
            HttpResponse<String> first = get(browsing, "/domain/users/list.xhtml");
            ms = (System.nanoTime() - t0) / 1e6;
            check(first, "the list page");
            int r = rows(first.body());
            minRows = Math.min(minRows, r);
            maxRows = Math.max(maxRows, r);
            if (measured) times.get("first_page").add(ms);

            int at = random.nextInt(pages) * 50;
            t0 = System.nanoTime();
            HttpResponse<String> paged =
                    post(
                            admin,
                            "/domain/users/list.xhtml",
                            form(
                                    "jakarta.faces.partial.ajax", "true",
                                    "jakarta.faces.source", table,
                                    "jakarta.faces.partial.execute", table,
                                    "jakarta.faces.partial.render", table,
                                    table + "_pagination", "true",
                                    table + "_skipChildren", "true",
                                    table + "_first", Integer.toString(at),
                                    table + "_rows", "50",
                                    table + "_encodeFeature", "true",
                                    form, form,
                                    "jakarta.faces.ViewState", pagingState),
                            true);
            ms = (System.nanoTime() - t0) / 1e6;
            checkPartial(paged, "paging");
            pagingState = next(paged, pagingState);
            if (measured) times.get("paging").add(ms);

            if (!sortable.isEmpty()) {
                String column = sortable.get(random.nextInt(sortable.size()));
                t0 = System.nanoTime();
                HttpResponse<String> sorted =
                        post(
                                admin,
                                "/domain/users/list.xhtml",
                                form(
                                        "jakarta.faces.partial.ajax", "true",
                                        "jakarta.faces.source", table,
                                        "jakarta.faces.partial.execute", table,
                                        "jakarta.faces.partial.render", table,
                                        table + "_sorting", "true",
                                        table + "_skipChildren", "true",
                                        table + "_encodeFeature", "true",
                                        table + "_sortKey", column,
                                        table + "_sortDir", random.nextBoolean() ? "1" : "-1",
                                        form, form,
                                        "jakarta.faces.ViewState", sortState),
                                true);
                ms = (System.nanoTime() - t0) / 1e6;
                checkPartial(sorted, "sorting");
                sortState = next(sorted, sortState);
                if (measured) times.get("sorting").add(ms);
            }

            if (search != null) {
                // A part of a name, login or extension: «Bench 12», «b1034», «1077».
                String text =
                        switch (round % 3) {
                            case 0 -> "Bench " + (10 + random.nextInt(90));
                            case 1 -> "b1" + (100 + random.nextInt(900));
                            default -> "1" + (100 + random.nextInt(900));
                        };
                t0 = System.nanoTime();
                HttpResponse<String> found =
                        post(
                                admin,
                                "/domain/users/list.xhtml",
                                form(
                                        "jakarta.faces.partial.ajax", "true",
                                        "jakarta.faces.source", search,
                                        "jakarta.faces.behavior.event", "keyup",
                                        "jakarta.faces.partial.event", "keyup",
                                        "jakarta.faces.partial.execute", search,
                                        "jakarta.faces.partial.render", table,
                                        search, text,
                                        form, form,
                                        "jakarta.faces.ViewState", searchState),
                                true);
                ms = (System.nanoTime() - t0) / 1e6;
                checkPartial(found, "search");
                searchState = next(found, searchState);
                if (rows(found.body()) == 0) {
                    throw new IllegalStateException("the search for «" + text + "» found no row");
                }
                if (measured) times.get("search").add(ms);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("what", "HTTP GET of the list page and PrimeFaces AJAX POSTs (paging to a random page of "
                + pages + ", sorting by a random column, a search) as the logged-in domain admin, "
                + rounds + " measured rounds after " + warmup + " warm-up rounds; baseline: the same server's login page, no session, in the same rounds");
        result.put("users_in_domain", total);
        result.put("rows_per_page", List.of(minRows, maxRows));
        List<Double> all = new ArrayList<>();
        double baseP95 = percentile(times.get("baseline_login_page"), 95);
        for (Map.Entry<String, List<Double>> e : times.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            if (!e.getKey().startsWith("baseline")) all.addAll(e.getValue());
            result.put(e.getKey(), stats(e.getValue(), baseP95));
        }
        result.put("list_all", stats(all, baseP95));
        result.put("target_p95_ms", 300);
        result.put("meets_target", percentile(all, 95) < 300);
        return result;
    }

    // ---------------------------------------------------------------- part 2: the import

    Map<String, Object> importRows(int rows, Path work, String pid) throws Exception {
        Files.createDirectories(work);
        byte[] xlsx = xlsx(rows);
        Files.write(work.resolve("bench-import.xlsx"), xlsx);
        HttpResponse<String> page = get(admin, "/domain/users/import.xhtml");
        check(page, "the import page");
        String state = viewState(page.body());
        Matcher file = Pattern.compile("<input [^>]*type=\"file\"[^>]*>").matcher(page.body());
        if (!file.find()) throw new IllegalStateException("no file input on the import page");
        Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(file.group());
        name.find();
        String field = name.group(1);

        long t0 = System.nanoTime();
        String boundary = "----vpbx" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "uploadForm", "uploadForm");
        part(body, boundary, "uploadForm:check", "");
        part(body, boundary, "jakarta.faces.ViewState", state);
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
                + "\"; filename=\"bench-import.xlsx\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(xlsx);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> checked =
                admin.send(
                        HttpRequest.newBuilder(URI.create(base + "/domain/users/import.xhtml"))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .timeout(Duration.ofMinutes(10))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        double previewSeconds = (System.nanoTime() - t0) / 1e9;
        check(checked, "the preview");
        int inFile = counter(checked.body(), "inFile"), ready = counter(checked.body(), "ready");
        if (inFile != rows || ready != rows) {
            throw new IllegalStateException("the preview says " + inFile + " in file, " + ready + " ready");
        }
        state = viewState(checked.body());
        System.err.printf("import: preview of %d rows in %.1f s%n", rows, previewSeconds);

        Path jfr = work.resolve("import.jfr");
        Files.deleteIfExists(jfr);
        jcmd(pid, "GC.run");
        String heapBefore = jcmd(pid, "GC.heap_info");
        jcmd(pid, "JFR.start", "name=vpbx-import", "settings=profile", "filename=" + jfr);

        long start = System.nanoTime();
        HttpResponse<String> started =
                post(
                        admin,
                        "/domain/users/import.xhtml",
                        form(
                                "jakarta.faces.partial.ajax", "true",
                                "jakarta.faces.source", "previewForm:start",
                                "jakarta.faces.partial.execute", "previewForm",
                                "jakarta.faces.partial.render", "previewForm progressForm messages",
                                "previewForm:start", "previewForm:start",
                                "previewForm", "previewForm",
                                "jakarta.faces.ViewState", state),
                        true);
        checkPartial(started, "start");
        state = next(started, state);
        int percent = 0;
        HttpResponse<String> poll = null;
        long lastLog = 0;
        // A time budget (-Dbench.importBudgetSeconds, one hour unless set): past it, the rate so far is
        // reported. It polls every 0.5 s, twice as often as the page's 1 s progress bar, so the end
        // of the import is seen within half a second.
        long budget = Long.getLong("bench.importBudgetSeconds", 3600);
        boolean completed = true;
        while (percent < 100) {
            if (System.nanoTime() - start > budget * 1_000_000_000L) {
                completed = false;
                break;
            }
            Thread.sleep(500);
            poll = pollProgress(state);
            state = next(poll, state);
            Matcher v = Pattern.compile("(?:\"|&#34;)progressForm:progress_value(?:\"|&#34;):(\\d+)").matcher(poll.body());
            if (!v.find()) throw new IllegalStateException("no progress in " + poll.body());
            percent = Integer.parseInt(v.group(1));
            if (System.nanoTime() - lastLog > 30e9) {
                lastLog = System.nanoTime();
                System.err.printf("import: %d %% after %.0f s%n", percent, (lastLog - start) / 1e9);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        jcmd(pid, "JFR.stop", "name=vpbx-import");
        int created, skipped;
        if (completed) {
            poll = pollProgress(state);
            created = counter(poll.body(), "created");
            skipped = counter(poll.body(), "skipped");
        } else {
            created = rows * percent / 100;
            skipped = 0;
            System.err.printf("import: stopped measuring after %.0f s at %d %%%n", seconds, percent);
        }
        System.err.printf("import: %d created, %d skipped in %.1f s%n", created, skipped, seconds);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("what", "upload of a generated " + rows + "-row xlsx through the import page, its check (preview), «Создать», polling the progress bar (every 0.5 s) until 100 %; the user-import job with the server's cores as partitions");
        result.put("rows", rows);
        result.put("completed", completed);
        result.put("preview_seconds", round(previewSeconds));
        result.put("import_seconds", round(seconds));
        result.put("rows_per_second", round(created / seconds));
        result.put("created", created);
        result.put("skipped", skipped);
        result.put("heap_before_kib", usedKib(heapBefore));
        result.putAll(profile(jfr));
        return result;
    }

    private HttpResponse<String> pollProgress(String state) throws Exception {
        HttpResponse<String> poll =
                post(
                        admin,
                        "/domain/users/import.xhtml",
                        form(
                                "jakarta.faces.partial.ajax", "true",
                                "jakarta.faces.source", "progressForm:progress",
                                "jakarta.faces.partial.execute", "progressForm:progress",
                                "jakarta.faces.partial.render", "progressForm",
                                "progressForm:progress", "progressForm:progress",
                                "progressForm", "progressForm",
                                "jakarta.faces.ViewState", state),
                        true);
        checkPartial(poll, "progress");
        return poll;
    }

    /** Peak heap and where the server's CPU time went, from the JFR recording. */
    private static Map<String, Object> profile(Path jfr) throws IOException {
        long peak = 0;
        long samples = 0;
        Map<String, Long> categories = new LinkedHashMap<>();
        for (String c : List.of("pbkdf2_password_hash", "sip_digest_and_secret_box", "jdbc_mariadb", "hibernate_jpa",
                "jberet_batch", "jsf_undertow", "other")) {
            categories.put(c, 0L);
        }
        Map<String, Long> top = new HashMap<>();
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                String type = e.getEventType().getName();
                if (type.equals("jdk.GCHeapSummary")) {
                    peak = Math.max(peak, e.getLong("heapUsed"));
                } else if (type.equals("jdk.ExecutionSample") && e.getStackTrace() != null) {
                    samples++;
                    List<RecordedFrame> frames = e.getStackTrace().getFrames();
                    if (!frames.isEmpty()) {
                        RecordedFrame f = frames.get(0);
                        top.merge(f.getMethod().getType().getName() + "." + f.getMethod().getName(), 1L, Long::sum);
                    }
                    categories.merge(category(frames), 1L, Long::sum);
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("peak_heap_used_mib", round(peak / 1048576.0));
        result.put("cpu_samples", samples);
        Map<String, Object> shares = new LinkedHashMap<>();
        for (Map.Entry<String, Long> c : categories.entrySet()) {
            shares.put(c.getKey(), samples == 0 ? 0 : round(100.0 * c.getValue() / samples));
        }
        result.put("cpu_share_percent", shares);
        Map<String, Object> hot = new LinkedHashMap<>();
        final long n = samples;
        top.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(8)
                .forEach(e -> hot.put(e.getKey(), n == 0 ? 0 : round(100.0 * e.getValue() / n)));
        result.put("hottest_methods_percent", hot);
        return result;
    }

    private static String category(List<RecordedFrame> frames) {
        String found = "other";
        for (RecordedFrame f : frames) {
            String c = f.getMethod().getType().getName();
            if (c.contains("PBKDF2") || c.contains("Pbkdf2")) return "pbkdf2_password_hash";
            if (c.startsWith("io.vpbx.") && (c.contains("Digest") || c.contains("SecretBox") || c.contains("AesGcm"))) {
                return "sip_digest_and_secret_box";
            }
            if (found.equals("other")) {
                if (c.startsWith("org.mariadb")) found = "jdbc_mariadb";
                else if (c.startsWith("org.hibernate")) found = "hibernate_jpa";
                else if (c.startsWith("org.jberet")) found = "jberet_batch";
                else if (c.startsWith("jakarta.faces") || c.startsWith("com.sun.faces") || c.startsWith("org.primefaces")
                        || c.startsWith("io.undertow")) found = "jsf_undertow";
            }
        }
        return found;
    }

    // ---------------------------------------------------------------- the xlsx

    /** A minimal xlsx (inline strings) with the template's seven columns and ROWS valid users. */
    static byte[] xlsx(int rows) throws IOException {
        StringBuilder sheet = new StringBuilder(rows * 400);
        sheet.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>")
                .append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        row(sheet, 1, "login", "password", "display name", "extension", "groups", "outgoing CLI", "e-mail");
        for (int i = 1; i <= rows; i++) {
            row(sheet, i + 1, "imp" + i, "Bench" + i + "pw", "Imported " + i, Integer.toString(30_000 + i), "Bench", "",
                    "imp" + i + "@bench.test");
        }
        sheet.append("</sheetData></worksheet>");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "</Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"users\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "</Relationships>");
            entry(zip, "xl/worksheets/sheet1.xml", sheet.toString());
        }
        return bytes.toByteArray();
    }

    private static void row(StringBuilder sheet, int r, String... cells) {
        sheet.append("<row r=\"").append(r).append("\">");
        for (int c = 0; c < cells.length; c++) {
            if (cells[c].isEmpty()) continue;
            sheet.append("<c r=\"").append((char) ('A' + c)).append(r).append("\" t=\"inlineStr\"><is><t>")
                    .append(cells[c]).append("</t></is></c>");
        }
        sheet.append("</row>");
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    // ---------------------------------------------------------------- HTTP and parsing

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient client, String path, String body, boolean ajax) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofMinutes(2))
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ajax) {
            b.header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest");
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String... pairs) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (s.length() > 0) s.append('&');
            s.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String value) throws IOException {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (m.find()) return m.group(1);
        m = VIEW_STATE_PARTIAL.matcher(html);
        if (m.find()) return m.group(1);
        throw new IllegalStateException("no view state in the page");
    }

    /** The view state a partial response hands back, or the one sent if it hands none. */
    private static String next(HttpResponse<String> r, String sent) {
        Matcher m = VIEW_STATE_PARTIAL.matcher(r.body());
        return m.find() ? m.group(1) : sent;
    }

    private static void check(HttpResponse<String> r, String what) {
        if (r.statusCode() != 200 || r.uri().getPath().contains("login.xhtml") && !what.contains("login")) {
            throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " at " + r.uri());
        }
    }

    private static void checkPartial(HttpResponse<String> r, String what) {
        if (r.statusCode() != 200 || !r.body().contains("<partial-response") || r.body().contains("<error>")
                || r.body().contains("<redirect ")) {
            throw new IllegalStateException(what + ": HTTP " + r.statusCode() + ": "
                    + r.body().substring(0, Math.min(2000, r.body().length())));
        }
    }

    private static int rows(String html) {
        Matcher m = ROW.matcher(html);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    /** The total the paginator shows, e.g. «(1 of 200)» or «… из 10001»; 0 if none is found. */
    private static long total(String html) {
        Matcher m = Pattern.compile("\"rowCount\":(\\d+)|rowCount:(\\d+)").matcher(html);
        if (m.find()) return Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
        return 0;
    }

    private static int counter(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">\\s*(\\d+)\\s*<").matcher(html);
        if (!m.find()) throw new IllegalStateException("no counter " + id);
        return Integer.parseInt(m.group(1));
    }

    private static String jcmd(String pid, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of("jcmd", pid));
        args.addAll(List.of(command));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("jcmd " + String.join(" ", command) + ": " + out);
        return out;
    }

    private static long usedKib(String heapInfo) {
        Matcher m = Pattern.compile("used (\\d+)K").matcher(heapInfo);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    // ---------------------------------------------------------------- statistics and reports

    private static Map<String, Object> stats(List<Double> ms, double baselineP95) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("requests", ms.size());
        s.put("p50_ms", round(percentile(ms, 50)));
        s.put("p95_ms", round(percentile(ms, 95)));
        s.put("p99_ms", round(percentile(ms, 99)));
        s.put("p95_to_baseline_p95", round(percentile(ms, 95) / baselineP95));
        return s;
    }

    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) return 0;
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    @SuppressWarnings("unchecked")
    private static String json(Object v, String indent) {
        if (v instanceof Map<?, ?> map) {
            if (map.isEmpty()) return "{}";
            StringBuilder s = new StringBuilder("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                s.append(indent).append("  \"").append(e.getKey()).append("\": ").append(json(e.getValue(), indent + "  "));
                s.append(++i < map.size() ? ",\n" : "\n");
            }
            return s.append(indent).append('}').toString();
        }
        if (v instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            for (Object o : list) items.add(json(o, indent));
            return "[" + String.join(", ", items) + "]";
        }
        if (v instanceof String str) return "\"" + str.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return String.valueOf(v);
    }

    @SuppressWarnings("unchecked")
    private static String markdown(String when, String machine, Map<String, Object> list, Map<String, Object> imp) {
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(when).append(", ").append(machine).append(".\n\n");
        md.append("User list of a domain with ").append(list.get("users_in_domain"))
                .append(" users (rows per page ").append(list.get("rows_per_page")).append("), as its admin. ")
                .append("Target: p95 < 300 ms.\n\n");
        md.append("| Request | Requests | p50 ms | p95 ms | p99 ms | p95 / baseline p95 |\n|---|---|---|---|---|---|\n");
        Map<String, String> names = new LinkedHashMap<>();
        names.put("baseline_login_page", "Baseline: the login page (GET, no session)");
        names.put("first_page", "First page (GET of the list page)");
        names.put("paging", "Paging to a random page (AJAX)");
        names.put("sorting", "Sorting by a random column (AJAX)");
        names.put("search", "Search (AJAX)");
        names.put("list_all", "All list requests");
        for (Map.Entry<String, String> n : names.entrySet()) {
            Map<String, Object> s = (Map<String, Object>) list.get(n.getKey());
            if (s == null) continue;
            md.append("| ").append(n.getValue()).append(" | ").append(s.get("requests")).append(" | ")
                    .append(s.get("p50_ms")).append(" | ").append(s.get("p95_ms")).append(" | ")
                    .append(s.get("p99_ms")).append(" | ").append(s.get("p95_to_baseline_p95")).append(" |\n");
        }
        md.append("\nTarget met: ").append(Boolean.TRUE.equals(list.get("meets_target")) ? "yes" : "no").append(".\n");
        if (!imp.isEmpty()) {
            md.append("\nImport of ").append(imp.get("rows")).append(" rows through the import page and the user-import job:\n\n");
            md.append("| What | Value |\n|---|---|\n");
            md.append("| Upload and check (preview) | ").append(imp.get("preview_seconds")).append(" s |\n");
            md.append(Boolean.TRUE.equals(imp.get("completed"))
                            ? "| Import (from «Создать» to 100 %) | "
                            : "| Import NOT finished: measuring stopped (time budget) after | ")
                    .append(imp.get("import_seconds")).append(" s |\n");
            md.append("| Rows per second | ").append(imp.get("rows_per_second")).append(" |\n");
            md.append("| Created / skipped | ").append(imp.get("created")).append(" / ").append(imp.get("skipped")).append(" |\n");
            md.append("| Heap used before (after a full GC) | ")
                    .append(String.format(Locale.ROOT, "%.1f", ((Number) imp.get("heap_before_kib")).longValue() / 1024.0))
                    .append(" MiB |\n");
            md.append("| Peak heap used during the import (JFR) | ").append(imp.get("peak_heap_used_mib")).append(" MiB |\n");
            md.append("\nWhere the server's CPU went during the import (JFR execution samples, ")
                    .append(imp.get("cpu_samples")).append(" samples):\n\n| Part | Share % |\n|---|---|\n");
            for (Map.Entry<String, Object> e : ((Map<String, Object>) imp.get("cpu_share_percent")).entrySet()) {
                md.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n");
            }
            md.append("\nHottest methods (top frame, % of samples):\n\n| Method | % |\n|---|---|\n");
            for (Map.Entry<String, Object> e : ((Map<String, Object>) imp.get("hottest_methods_percent")).entrySet()) {
                md.append("| `").append(e.getKey()).append("` | ").append(e.getValue()).append(" |\n");
            }
        }
        return md.toString();
    }
}
