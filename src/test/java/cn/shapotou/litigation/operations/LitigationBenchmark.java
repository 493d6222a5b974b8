package cn.shapotou.litigation.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;

import cn.shapotou.litigation.LitigationApplication;
import cn.shapotou.litigation.SavePointJobs;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.cases.CaseDataValidator;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.deadlines.DeadlineTimers;
import cn.shapotou.litigation.escalation.DeadlineWatch;
import cn.shapotou.litigation.escalation.OverdueItems;
import cn.shapotou.litigation.escalation.SupervisionProcess;
import cn.shapotou.litigation.identity.Grants;
import cn.shapotou.litigation.units.UnitDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The benchmark of README「性能基准」 ({@code mvn -Pbench verify}), on one H2 file database under {@code target/bench}, or
 * with {@code -Dbench.db=postgresql} on a PostgreSQL server of its own whose data lives in
 * {@code target/bench/postgres} ({@link TestPostgres#startKept}). First the application runs in this JVM (its clock can be
 * set, its job executor is off so that nothing sweeps unasked): full case lifecycles over HTTP against a vanilla
 * process with as many user tasks, 5,000 items falling overdue at once and the one sweep that escalates them, then open
 * cases up to 50,000. Then the packaged jar starts on that database as an operator runs it: start-up time, the
 * supervision API and the 已逾期 filter under authorization, resident memory, and the case file's 50 MiB uploads and
 * downloads. Prints {@code BENCH <name> <value> <unit>} lines.
 */
class LitigationBenchmark {

    private static final int THREADS = 2;
    /** Smaller with {@code -Dbench.openCases=N} while working on it; the benchmark's figure is for 50,000. */
    private static final int OPEN_CASES = Integer.getInteger("bench.openCases", 50_000);
    private static final int OVERDUE_ITEMS = 5_000;
    /**
     * With {@code -Dbench.reuse=true} the database the previous run left in {@code target/bench} is measured again by
     * this build's packaged jar (startup, queries, register, uploads) without seeding it anew: to check a change of the
     * application against the same 50,000 cases in minutes. The in-process figures (lifecycle, escalations,
     * registrations) are not measured then, and the jar does not move the cases to its newer models while measured.
     */
    private static final boolean REUSE = Boolean.getBoolean("bench.reuse");
    /**
     * With {@code -Dbench.stepsOnly=true} only the lifecycle against the vanilla process is measured (a few minutes):
     * to see what a change of a step's work does to {@code step-ratio}, or to profile it ({@code -Dbench.jvm=...}).
     */
    private static final boolean STEPS_ONLY = Boolean.getBoolean("bench.stepsOnly");
    /**
     * {@code -Dbench.db=postgresql}: the database production runs (README「生产环境」) instead of the shipped default H2
     * file; the in-process application and the packaged jar both use it with profile {@code prod}.
     */
    private static final String DB = System.getProperty("bench.db", "h2");
    private static final boolean POSTGRES = switch (DB) {
        case "h2" -> false;
        case "postgresql" -> true;
        default -> throw new IllegalArgumentException("bench.db is h2 or postgresql, not " + DB);
    };
    private static final String DATABASE_NAME = POSTGRES ? "PostgreSQL 15 database" : "H2 file database";
    private static final String VANILLA = "bench-vanilla";
    private static final String VANILLA_STEP = "vanilla task";
    /** The production JVM settings README gives operators. */
    static final List<String> PRODUCTION_JVM = List.of("-Xms256m", "-Xmx512m", "-XX:MaxMetaspaceSize=192m",
            "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-XX:+UseSerialGC");
    /**
     * The packaged application's JVM options: README's, or with {@code -Dbench.appJvm="…"} others to compare (the
     * environment, e.g. {@code MALLOC_ARENA_MAX}, is the benchmark's own).
     */
    private static final List<String> APP_JVM = System.getProperty("bench.appJvm", "").isBlank() ? PRODUCTION_JVM
            : List.of(System.getProperty("bench.appJvm").trim().split("\\s+"));

    private final Map<String, String> results = new LinkedHashMap<>();

    private void bench(String name, double value, String unit) {
        String shown = value >= 100 ? String.valueOf(Math.round(value)) : String.format("%.2f", value);
        results.put(name, shown + " " + unit);
        System.out.println("BENCH " + name + " " + shown + " " + unit);
    }

    @Test
    void benchmark() throws Exception {
        Path dir = Path.of("target", "bench").toAbsolutePath();
        Path postgresData = dir.resolve("postgres");
        if (REUSE) {
            assertThat(POSTGRES ? postgresData : dir.resolve("data"))
                    .as("the " + DATABASE_NAME + " of an earlier run, to measure again").isDirectory();
            try (TestPostgres postgres = POSTGRES ? TestPostgres.startKept(postgresData) : null) {
                startupQueriesAndMemory(dir, postgres);
            }
            System.out.println("BENCH summary (" + DATABASE_NAME + " of an earlier run, packaged jar only):");
            results.forEach((name, value) -> System.out.println("BENCH " + name + " " + value));
            return;
        }
        FileSystemUtils.deleteRecursively(dir);
        Files.createDirectories(dir);
        try (TestPostgres postgres = POSTGRES ? TestPostgres.startKept(postgresData) : null) {
            if (postgres != null) {
                postgres.createDatabase(POSTGRES_DATABASE);
            }
            List<String> args = new ArrayList<>(List.of("--server.port=0",
                    "--camunda.bpm.job-execution.enabled=false", "--litigation.demo.cases=false",
                    // A nightly backup of the 20 GB database falling into the run would be measured with it.
                    "--litigation.backup.enabled=false",
                    "--litigation.calendar-dir=" + dir.resolve("calendar"), "--logging.level.root=WARN",
                    // The process-test-coverage starter is on the test class path; a benchmark records none.
                    "--spring.autoconfigure.exclude=org.camunda.community.process_test_coverage.spring_test"
                            + ".platform7.ProcessEngineCoverageConfiguration"));
            if (postgres == null) {
                // The shipped default configuration's URL, in the directory the jar will later run in.
                args.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("data").resolve("engine")
                        + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0");
            } else {
                // Profile prod as README「生产环境」 has it, with the benchmark's users (the demo identities), which the
                // jar later finds in the database.
                args.addAll(List.of("--spring.profiles.active=prod", "--litigation.demo.identities=true",
                        "--spring.datasource.url=" + postgres.server() + POSTGRES_DATABASE,
                        "--spring.datasource.username=" + TestPostgres.USER,
                        "--spring.datasource.password=" + TestPostgres.PASSWORD));
            }
            // Arguments, as an operator would give them: they take precedence over application.yaml.
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LitigationApplication.class)
                    .run(args.toArray(String[]::new))) {
                BenchHttp http = new BenchHttp(((WebServerApplicationContext) app).getWebServer().getPort());
                lifecycleRatio(app, http);
                if (STEPS_ONLY) {
                    return;
                }
                int overdueCases = escalations(app);
                seedOpenCases(app, OPEN_CASES - overdueCases);
            } finally {
                ClockUtil.reset();
            }
            startupQueriesAndMemory(dir, postgres);
        }
        System.out.println("BENCH summary (" + THREADS + " client threads, " + DATABASE_NAME + "):");
        results.forEach((name, value) -> System.out.println("BENCH " + name + " " + value));
    }

    private static final String POSTGRES_DATABASE = "litigation";

    // ---- lifecycle against vanilla ----------------------------------------------------------------------------

    /** The user tasks of {@link #lifecycle}, in order: the vanilla process has exactly as many. */
    private static final int LIFECYCLE_USER_TASKS = 17;

    private void lifecycleRatio(ConfigurableApplicationContext app, BenchHttp http) throws Exception {
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(VANILLA).name("基准：纯引擎流程")
                .camundaHistoryTimeToLive(1).startEvent();
        for (int i = 1; i <= LIFECYCLE_USER_TASKS; i++) {
            flow = flow.userTask("Task" + i).name("任务" + i).camundaCandidateGroups(UnitDirectory.JUSTICE_BUREAU);
        }
        app.getBean(RepositoryService.class).createDeployment().name(VANILLA)
                .addModelInstance(VANILLA + ".bpmn", flow.endEvent().done()).deploy();
        app.getBean(Grants.class).toGroup(UnitDirectory.JUSTICE_BUREAU, PROCESS_DEFINITION, VANILLA, READ,
                CREATE_INSTANCE);
        // Every date of the walk lies before this day, as it would when the case reached its end.
        ClockUtil.setCurrentTime(at(LocalDate.of(2026, 12, 28)));
        // The work after a save point (camunda:asyncAfter, README「事务边界与重试」) is the job executor's, done after the
        // person's request has answered; the benchmark runs without the job executor, so it continues the save points
        // itself, after each timed request and outside its time, but within the lifecycle's.
        savePoints = app.getBean(SavePointJobs.class);
        SavePointJobs.pause();

        parallel(4, i -> vanilla(http));
        parallel(4, i -> lifecycle(http, "W" + i));
        List<Double> vanillaRates = new ArrayList<>();
        List<Double> lifecycleRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            int r = round;
            double vanilla = 30 / parallel(30, i -> vanilla(http));
            double lifecycle = 30 / parallel(30, i -> lifecycle(http, "R" + r + "-" + i));
            vanillaRates.add(vanilla);
            lifecycleRates.add(lifecycle);
            ratios.add(lifecycle / vanilla);
        }
        ClockUtil.reset();
        SavePointJobs.resume();
        savePoints = null;
        new TreeMap<>(stepMillis).forEach((step, millis) -> {
            List<Double> finding = findMillis.get(step);
            System.out.printf("BENCH-STEP %s p50 %.1f ms (%d calls%s)%n", step, median(millis), millis.size(),
                    finding == null ? "" : String.format("; GET the task %.1f ms, complete %.1f ms", median(finding),
                            median(completeMillis.get(step))));
        });
        bench("vanilla-per-s", median(vanillaRates), "instances/s");
        bench("lifecycle-per-s", median(lifecycleRates), "lifecycles/s");
        bench("lifecycle-ratio", median(ratios), "x");
        // A step is finding the task and completing it; the lifecycle's own steps are its tasks (the registrations,
        // documents and file uploads between them are timed under "POST …" and are no steps).
        List<Double> lifecycleSteps = stepMillis.entrySet().stream()
                .filter(e -> !e.getKey().equals(VANILLA_STEP) && !e.getKey().startsWith("POST "))
                .map(e -> median(e.getValue())).toList();
        bench("step-ratio", median(stepMillis.get(VANILLA_STEP)) / median(lifecycleSteps), "x");
    }

    private void vanilla(BenchHttp http) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> started = BenchHttp.JSON.readValue(http.post(
                "/engine-rest/process-definition/key/" + VANILLA + "/start", "justice", Map.of(), 200), Map.class);
        String id = (String) started.get("id");
        for (int i = 0; i < LIFECYCLE_USER_TASKS; i++) {
            long start = System.nanoTime();
            String task = http.task("justice", "processInstanceId=" + id);
            long found = System.nanoTime();
            http.complete("justice", task, Map.of());
            timed(VANILLA_STEP, start, found);
        }
    }

    private static Map<String, Object> agent1() {
        return Map.of("agent1Name", "刘伟", "agent1Unit", "natural-resources", "agent1Post", "执法科科长",
                "agent1Kind", "STAFF", "agent1IsHandler", true, "agent1Authority", "GENERAL");
    }

    /** One case from registration to archive, as its users walk it: lost at first instance, not appealed. */
    private void lifecycle(BenchHttp http, String tag) throws Exception {
        String number = "（2026）宁0502行初L" + tag + "号";
        String n = BenchHttp.encode(number);
        Map<String, Object> data = caseData(number, LocalDate.of(2026, 11, 20));
        long start = System.nanoTime();
        http.post("/api/cases", "office", data, 201);
        timed("POST /api/cases", start);
        step(http, "justice", n, "DraftHandlingProposalTask", Map.of("complexity", "NORMAL",
                "leadUnit", "natural-resources", "coUnits", List.of(), "proposedAppearance", "分管副局长出庭"));
        step(http, "leader", n, "ApproveHandlingProposalTask", Map.of("approved", true));
        step(http, "counsel", n, "AssignCounselTask", Map.of("counsel", "counsel"));
        Map<String, Object> answer = new LinkedHashMap<>(Map.of("draftDefence", "被诉处罚决定事实清楚。",
                "evidenceList", "1. 现场勘验笔录", "normativeDocuments", "《中华人民共和国土地管理法》",
                "legalRepresentativeName", "马区长", "legalRepresentativePost", "区长"));
        answer.putAll(agent1());
        paper(http, n, "DEFENCE", "答辩状");
        paper(http, n, "EVIDENCE", "现场勘验笔录");
        step(http, "natres", n, "PrepareAnswerTask", answer);
        step(http, "justice", n, "ReviewAnswerTask", Map.of("reviewPassed", true));
        step(http, "office", n, "SealAndDeliverTask", Map.of("sealed", true, "deliveredOn", "2026-11-24",
                "deliveryMethod", "IN_PERSON"));
        document(http, n, Map.of("kind", "HEARING_NOTICE", "receivedOn", "2026-11-24", "hearingDate", "2026-12-03"));
        Map<String, Object> plan = new LinkedHashMap<>(Map.of("headAppears", "false",
                "absenceReason", "OFFICIAL_DUTY", "absenceExplanation", "局长参加全区防汛会议，已向法院书面说明"));
        plan.putAll(agent1());
        step(http, "natres", n, "PlanAppearanceTask", plan);
        step(http, "leader", n, "ApproveHeadAbsenceTask", Map.of("headAbsenceApproved", "true"));
        step(http, "natres", n, "AttendHearingTask", Map.of("hearingOutcome", "HELD", "headAppeared", false,
                "appearedPersons", "刘伟", "leftWithoutPermission", false, "majorIssue", false));
        document(http, n, Map.of("kind", "JUDGMENT", "instance", "FIRST", "outcome", "REVOKED",
                "receivedOn", "2026-12-10"));
        step(http, "natres", n, "DraftAppealOpinionTask", Map.of("appealWanted", true,
                "appealOpinion", "一审认定事实不清。"));
        step(http, "justice", n, "ReviewAppealOpinionTask", Map.of("appealRecommended", false,
                "appealReviewOpinion", "上诉理由不足，建议不上诉。"));
        step(http, "leader", n, "DecideAppealTask", Map.of("appealApproved", false));
        document(http, n, Map.of("kind", "EFFECTIVE", "receivedOn", "2026-12-28", "effectiveOn", "2026-12-26"));
        step(http, "natres", n, "WriteLossAnalysisTask", Map.of("lossFacts", "原告不服处罚决定。",
                "lossDecision", "撤销被诉处罚决定", "lossSuggestions", "规范听证告知。", "faultSuspected", false));
        step(http, "leader", n, "ReadLossAnalysisTask", Map.of("lossAnalysisInstructions", "抓紧整改。"));
        step(http, "justice", n, "FileLossAnalysisTask", Map.of("lossAnalysisFiled", true));
        step(http, "natres", n, "FollowUpTask", Map.of("ownPerformance", "PERFORMED", "followUp", "NONE"));
        step(http, "natres", n, "ArchiveTask", Map.of("archiveNumber", "自然资源局应诉-2026-" + tag,
                "archivedOn", "2026-12-28"));
        String closed = http.get("/api/cases/" + n, "office", 200);
        if (!closed.contains("\"status\":\"CLOSED\"")) {
            throw new IllegalStateException(number + " not closed: " + closed);
        }
    }

    private void step(BenchHttp http, String user, String caseNumber, String key, Map<String, Object> values)
            throws Exception {
        long start = System.nanoTime();
        String task = http.task(user, "processInstanceBusinessKey=" + caseNumber + "&taskDefinitionKey=" + key);
        long found = System.nanoTime();
        http.complete(user, task, values);
        timed(key, start, found);
    }

    private SavePointJobs savePoints;

    /** Where a lifecycle's time goes, step by step (medians printed after the lifecycle rounds). */
    private final Map<String, List<Double>> stepMillis = new ConcurrentHashMap<>();

    /** Where a step's time goes: finding the task (GET) and completing it (POST), medians printed with the step's. */
    private final Map<String, List<Double>> findMillis = new ConcurrentHashMap<>();
    private final Map<String, List<Double>> completeMillis = new ConcurrentHashMap<>();

    /** A step: {@code found} is when the task had been found, the rest of the time is its completion. */
    private void timed(String step, long start, long found) {
        long end = System.nanoTime();
        findMillis.computeIfAbsent(step, k -> Collections.synchronizedList(new ArrayList<>()))
                .add((found - start) / 1e6);
        completeMillis.computeIfAbsent(step, k -> Collections.synchronizedList(new ArrayList<>()))
                .add((end - found) / 1e6);
        timed(step, start);
    }

    private void timed(String step, long start) {
        stepMillis.computeIfAbsent(step, k -> Collections.synchronizedList(new ArrayList<>()))
                .add((System.nanoTime() - start) / 1e6);
        if (savePoints != null && !step.equals(VANILLA_STEP)) {
            savePoints.continueSavePoints();
        }
    }

    /** A small scanned paper of the unit's answer put in the case file (Art. 6: the 答辩状 and the evidence as files). */
    private void paper(BenchHttp http, String caseNumber, String category, String title) throws Exception {
        byte[] pdf = ("%PDF-1.4\n% " + title + "\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long start = System.nanoTime();
        http.upload(caseNumber, "natres", category, title, title + ".pdf",
                java.net.http.HttpRequest.BodyPublishers.ofByteArray(pdf));
        timed("POST files " + category, start);
    }

    private void document(BenchHttp http, String caseNumber, Map<String, Object> document) throws Exception {
        long start = System.nanoTime();
        http.post("/api/cases/" + caseNumber + "/documents", "office", document, 201);
        timed("POST documents " + document.get("kind"), start);
    }

    // ---- escalations ----------------------------------------------------------------------------------------

    /**
     * Cases received 40 days ago with nothing done: each has overdue items. Exactly 5,000 items, raised by the tasks'
     * overdue timers and the deadline watch's own job, executed as the job executor would. Returns the cases
     * registered.
     */
    private int escalations(ConfigurableApplicationContext app) throws Exception {
        OverdueItems overdue = app.getBean(OverdueItems.class);
        RuntimeService runtime = app.getBean(RuntimeService.class);
        ManagementService management = app.getBean(ManagementService.class);
        LocalDate received = LegalClock.dateOf(ClockUtil.getCurrentTime()).minusDays(40);
        register(app, "E", 0, 1, received);
        int perCase = overdue.now().size();
        assertThat(perCase).as("overdue items of one neglected case").isPositive();
        int cases = OVERDUE_ITEMS / perCase;
        assertThat(cases * perCase).as("5,000 is a multiple of the items of one case").isEqualTo(OVERDUE_ITEMS);
        register(app, "E", 1, cases, received);
        assertThat(overdue.now()).hasSize(OVERDUE_ITEMS);

        String watchJob = management.createJobQuery().processDefinitionKey("deadline-watch").singleResult().getId();
        // The tasks' overdue timers 「期限届满」 (due at once: the cases came in overdue) raise their items; the sweep
        // leaves those to them and raises the case-level ones. One by one, as one job executor thread would.
        List<String> timers = management.createJobQuery().timers().executable().list().stream()
                .filter(job -> String.valueOf(DeadlineTimers.activityOf(management, job)).endsWith(DeadlineTimers.SUFFIX))
                .map(Job::getId).toList();
        // Each escalation opens a 督办 whose first step is the job executor's (its start event is a save point); here
        // they run after the timers, as one executor thread would take them, instead of the tests' continuation of
        // save points looking for waiting jobs after every timer.
        SavePointJobs.pause();
        long start;
        try {
            start = System.nanoTime();
            for (String timer : timers) {
                management.executeJob(timer);
            }
            management.executeJob(watchJob);
            for (Job supervision : management.createJobQuery().processDefinitionKey(SupervisionProcess.PROCESS_KEY).messages()
                    .list()) {
                management.executeJob(supervision.getId());
            }
        } finally {
            SavePointJobs.resume();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println("BENCH-STEP escalations by overdue timers: " + timers.size());
        List<Incident> raised = runtime.createIncidentQuery().incidentType(DeadlineWatch.INCIDENT_TYPE).list()
                .stream().filter(i -> i.getConfiguration() != null).toList();
        assertThat(raised).as("one incident for every overdue item").hasSize(OVERDUE_ITEMS);
        bench("escalations-5000", seconds, "s");
        return cases;
    }

    // ---- 50,000 open cases ----------------------------------------------------------------------------------

    /**
     * Open cases received 30 days from now (the clock moved there while they register): not overdue and not due
     * soon, so that the start-up and the queries below see 50,000 open cases of which the 5,000 items above are overdue.
     */
    private void seedOpenCases(ConfigurableApplicationContext app, int count) throws Exception {
        LocalDate received = LegalClock.dateOf(ClockUtil.getCurrentTime()).plusDays(30);
        ClockUtil.setCurrentTime(at(received));
        long start = System.nanoTime();
        register(app, "O", 0, count, received);
        double seconds = (System.nanoTime() - start) / 1e9;
        ClockUtil.reset();
        long open = app.getBean(RuntimeService.class).createProcessInstanceQuery()
                .processDefinitionKey("litigation-case").active().count();
        assertThat(open).isEqualTo(OPEN_CASES);
        bench("registrations-per-s", count / seconds, "cases/s");
    }

    /** Registrations as {@code POST /api/cases} makes them (the same validation and start), 50 to a transaction. */
    private void register(ConfigurableApplicationContext app, String prefix, int from, int to, LocalDate received)
            throws Exception {
        CaseDataValidator validator = app.getBean(CaseDataValidator.class);
        RuntimeService runtime = app.getBean(RuntimeService.class);
        TransactionTemplate transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        int batch = 50;
        int batches = (to - from + batch - 1) / batch;
        parallel(batches, b -> transaction.executeWithoutResult(status -> {
            for (int i = from + b * batch; i < Math.min(to, from + (b + 1) * batch); i++) {
                String number = "（2026）宁0502行初" + prefix + i + "号";
                CaseDataValidator.Result result = validator.validate(caseData(number, received));
                if (!result.valid()) {
                    throw new IllegalStateException(result.errors().toString());
                }
                runtime.createProcessInstanceByKey("litigation-case").businessKey(number)
                        .setVariables(result.data().toVariables()).execute();
            }
        }));
    }

    /** The tests' valid case ({@link TestCases#natresCase}) under this number, received on that day. */
    private static Map<String, Object> caseData(String number, LocalDate received) {
        Map<String, Object> data = TestCases.natresCase();
        data.put("caseNumber", number);
        data.put("noticeReceivedOn", received.toString());
        return data;
    }

    // ---- the packaged application -------------------------------------------------------------------------

    /** The packaged jar on the H2 file in {@code dir/data}, or with profile prod on {@code postgres}'s database. */
    private void startupQueriesAndMemory(Path dir, TestPostgres postgres) throws Exception {
        List<String> args = new ArrayList<>(List.of("--litigation.demo.cases=false",
                "--litigation.backup.enabled=false", "--litigation.migration.on-startup=" + !REUSE));
        Map<String, String> env = Map.of();
        if (postgres != null) {
            // As README「生产环境」 starts it: the profile, and the datasource from the environment.
            args.add("--spring.profiles.active=prod");
            env = Map.of("SPRING_DATASOURCE_URL", postgres.server() + POSTGRES_DATABASE,
                    "SPRING_DATASOURCE_USERNAME", TestPostgres.USER, "SPRING_DATASOURCE_PASSWORD", TestPostgres.PASSWORD);
        }
        List<Double> startups = new ArrayList<>();
        AppProcess app = null;
        for (int i = 0; i < 3; i++) {
            if (app != null) {
                app.stop();
            }
            long start = System.nanoTime();
            app = AppProcess.start(dir, APP_JVM, args, env).awaitUp(Duration.ofMinutes(3));
            startups.add((System.nanoTime() - start) / 1e9);
        }
        try (AppProcess running = app) {
            bench("startup", median(startups), "s");
            BenchHttp http = new BenchHttp(running.port);
            List<Map<String, Object>> overdue = http.getList("/api/supervision/overdue", "justice");
            assertThat(overdue).as("the supervision list holds every overdue item").hasSize(OVERDUE_ITEMS);
            bench("overdue-api-p50", p50(60, () -> http.get("/api/supervision/overdue", "justice", 200)), "ms");

            String filter = (String) http.getList("/engine-rest/filter?name=" + BenchHttp.encode("已逾期"), "justice")
                    .get(0).get("id");
            String page = "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15";
            List<?> first = BenchHttp.JSON.readValue(http.post(page, "justice", Map.of(), 200), List.class);
            assertThat(first).as("the Justice Bureau's overdue proposals, first page").hasSize(15);
            bench("overdue-filter-p50", p50(60, () -> http.post(page, "justice", Map.of(), 200)), "ms");

            caseRegister(dir, http);

            bench("rss", running.residentMiB("VmHWM"), "MiB");
            bench("rss-now", running.residentMiB("VmRSS"), "MiB");
            // Last, so that 800 MiB of uploads disturb none of the figures above (the resident peak least of all).
            uploads(dir, running);
        }
    }

    /**
     * The case register (Art. 3) as the Justice Bureau reads it: a page of 50 open cases out of all of them, and every
     * case as its workbook, streamed by the application with the production heap.
     */
    private void caseRegister(Path dir, BenchHttp http) throws Exception {
        String openPage = "/api/cases?status=OPEN&size=50";
        Map<?, ?> first = BenchHttp.JSON.readValue(http.get(openPage, "justice", 200), Map.class);
        assertThat(((Number) first.get("total")).intValue()).as("every open case in the register")
                .isGreaterThanOrEqualTo(OPEN_CASES);
        assertThat((List<?>) first.get("items")).hasSize(50);
        bench("register-p50", p50(30, () -> http.get(openPage, "justice", 200)), "ms");

        Path workbook = dir.resolve("register.xlsx");
        // One case first, not counted: the workbook library's first use loads its classes, as any later export finds.
        http.download("/api/cases?format=xlsx&q=" + BenchHttp.encode("（2026）宁0502行初O0号"), "justice", workbook);
        // Three exports, the median counted: one export is a single long request on a noisy machine.
        List<Double> seconds = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            bytes = http.download("/api/cases?format=xlsx", "justice", workbook);
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        long rows = worksheetRows(workbook);
        System.out.printf("BENCH-STEP register-xlsx %d rows, %.1f MiB, %s s%n", rows, bytes / 1048576.0, seconds);
        assertThat(rows - 1).as("a row for every case, after the header").isGreaterThanOrEqualTo(OPEN_CASES);
        bench("register-xlsx-50k", median(seconds), "s");
        Files.delete(workbook);
    }

    /** The rows of the workbook's first sheet, counted in its XML as it is unzipped (the test keeps no sheet in memory). */
    private static long worksheetRows(Path workbook) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(workbook.toFile());
             java.io.InputStream in = zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))) {
            byte[] pattern = "<row ".getBytes(StandardCharsets.US_ASCII);
            long count = 0;
            int matched = 0;
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    matched = buffer[i] == pattern[matched] ? matched + 1 : buffer[i] == pattern[0] ? 1 : 0;
                    if (matched == pattern.length) {
                        count++;
                        matched = 0;
                    }
                }
            }
            return count;
        }
    }

    /**
     * The case file's largest paper (50 MiB) uploaded to an open case and downloaded again by its unit, one at a time
     * (after one of each not counted), then the application's heap during 10 uploads at once.
     */
    private void uploads(Path dir, AppProcess app) throws Exception {
        UploadBench upload = new UploadBench(app.port, "（2026）宁0502行初O0号", UploadBench.writePdf(dir));
        upload.download(upload.upload());
        List<Double> uploads = new ArrayList<>();
        List<Double> downloads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            UploadBench.Uploaded file = upload.upload();
            uploads.add((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            upload.download(file);
            downloads.add((System.nanoTime() - start) / 1e9);
        }
        System.out.printf("BENCH-STEP upload-50mib %s s, download-50mib %s s%n", seconds(uploads), seconds(downloads));
        bench("upload-50mib", median(uploads), "s");
        bench("download-50mib", median(downloads), "s");
        bench("upload-heap", upload.heapGrowthMiB(app.pid(), 10), "MiB");
    }

    // ---- measuring ----------------------------------------------------------------------------------------

    interface Work {
        void run(int index) throws Exception;
    }

    interface Call {
        Object call() throws Exception;
    }

    /** Runs {@code count} pieces of work on {@link #THREADS} threads; the wall-clock seconds they took. */
    private static double parallel(int count, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<?>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                threads.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        work.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> thread : threads) {
                thread.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * The median of {@code times} calls in milliseconds, after ten not counted. A query taking seconds (the 已逾期
     * filter on PostgreSQL, README「性能基准」) is called fewer times: warming up stops after 30 s and counting after
     * 2 minutes and at least 5 calls, so that a slow query does not stretch the run by half an hour; a BENCH-STEP line
     * then says how many calls were counted.
     */
    private static double p50(int times, Call call) throws Exception {
        long warmUpEnd = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (int i = 0; i < 10 && System.nanoTime() < warmUpEnd; i++) {
            call.call();
        }
        long countEnd = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < times && (i < 5 || System.nanoTime() < countEnd); i++) {
            long start = System.nanoTime();
            call.call();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        if (millis.size() < times) {
            System.out.printf("BENCH-STEP slow query: median of %d calls, not %d: %s ms%n", millis.size(), times,
                    millis.stream().map(m -> String.valueOf(Math.round(m))).toList());
        }
        return median(millis);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String seconds(List<Double> values) {
        return values.stream().map(v -> String.format("%.2f", v)).toList().toString();
    }

    private static Date at(LocalDate day) {
        return Date.from(day.atTime(10, 0).atZone(LegalClock.ZONE).toInstant());
    }
}
