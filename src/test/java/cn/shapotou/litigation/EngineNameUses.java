package cn.shapotou.litigation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where Java code names something the engine matches by string: the literal arguments of the calls in {@link #CALLS},
 * and every literal shaped like an activity id. Read from the source text (comments and text blocks left out), so a
 * name is reported with its file and line.
 */
public final class EngineNameUses {

    public enum Kind { PROCESS, MESSAGE, SIGNAL, ERROR, ACTIVITY, VARIABLE }

    /** Which arguments of a call name the thing. */
    public enum Args {
        /** the first argument */
        FIRST,
        /**
         * the first argument if it is a literal or constant, else the second, after an instance or task id
         * ({@code getVariable(id, "x")})
         */
        NAME,
        /** every argument */
        EVERY,
        /** every argument starting with a capital letter (ids; users and case numbers do not) */
        EVERY_UPPER_CAMEL,
        /** every other argument from the first ({@code Map.of(k, v, k, v)}) */
        KEYS
    }

    /** A call whose literal arguments name something of {@code kind}; {@code method} may be qualified ("Map.of"). */
    public record Call(String method, Kind kind, Args args) {
        /** Where the call opens: the method name not part of a longer name, then '('. */
        Pattern opening() {
            return Pattern.compile("(?<![\\w$" + (method.contains(".") ? "." : "") + "])" + Pattern.quote(method)
                    + "\\s*\\(");
        }
    }

    /** One literal naming something the engine matches by string. */
    public record Use(Path file, int line, Kind kind, String name, String how) {
        @Override
        public String toString() {
            return file + ":" + line + " " + how + " \"" + name + "\"";
        }
    }

    /** The calls where the engine (or a test's walk through it) matches a name: each literal must exist in a model. */
    public static final List<Call> CALLS = List.of(
            // process keys
            new Call("processDefinitionKey", Kind.PROCESS, Args.FIRST),
            new Call("processDefinitionKeyIn", Kind.PROCESS, Args.EVERY),
            new Call("startProcessInstanceByKey", Kind.PROCESS, Args.FIRST),
            new Call("createProcessInstanceByKey", Kind.PROCESS, Args.FIRST),
            // messages and signals
            new Call("createMessageCorrelation", Kind.MESSAGE, Args.FIRST),
            new Call("correlateMessage", Kind.MESSAGE, Args.FIRST),
            new Call("messageEventSubscriptionName", Kind.MESSAGE, Args.FIRST),
            new Call("startProcessInstanceByMessage", Kind.MESSAGE, Args.FIRST),
            new Call("correlateIfWaiting", Kind.MESSAGE, Args.NAME), // cases/CaseMessages
            new Call("createSignalEvent", Kind.SIGNAL, Args.FIRST),
            new Call("signalEventReceived", Kind.SIGNAL, Args.FIRST),
            new Call("signalEventSubscriptionName", Kind.SIGNAL, Args.FIRST),
            // BPMN errors thrown by code
            new Call("BpmnError", Kind.ERROR, Args.FIRST),
            // activity ids: engine queries, instance modification, and the tests' walks (CaseWalk, BpmnAwareTests)
            new Call("activityId", Kind.ACTIVITY, Args.FIRST),
            new Call("activityIdIn", Kind.ACTIVITY, Args.EVERY),
            new Call("taskDefinitionKey", Kind.ACTIVITY, Args.FIRST),
            new Call("taskDefinitionKeyIn", Kind.ACTIVITY, Args.EVERY),
            new Call("startBeforeActivity", Kind.ACTIVITY, Args.FIRST),
            new Call("startAfterActivity", Kind.ACTIVITY, Args.FIRST),
            new Call("cancelAllForActivity", Kind.ACTIVITY, Args.FIRST),
            new Call("startTransition", Kind.ACTIVITY, Args.FIRST),
            new Call("mapActivities", Kind.ACTIVITY, Args.EVERY),
            new Call("hasPassed", Kind.ACTIVITY, Args.EVERY_UPPER_CAMEL),
            new Call("hasNotPassed", Kind.ACTIVITY, Args.EVERY_UPPER_CAMEL),
            new Call("isWaitingAt", Kind.ACTIVITY, Args.EVERY_UPPER_CAMEL),
            new Call("isNotWaitingAt", Kind.ACTIVITY, Args.EVERY_UPPER_CAMEL),
            new Call("waitsAt", Kind.ACTIVITY, Args.EVERY_UPPER_CAMEL),
            new Call("task", Kind.ACTIVITY, Args.EVERY_UPPER_CAMEL),
            new Call("tasks", Kind.ACTIVITY, Args.EVERY_UPPER_CAMEL),
            new Call("complete", Kind.ACTIVITY, Args.EVERY_UPPER_CAMEL),
            // variables read
            new Call("getVariable", Kind.VARIABLE, Args.NAME),
            new Call("getVariableLocal", Kind.VARIABLE, Args.NAME),
            new Call("getVariableTyped", Kind.VARIABLE, Args.NAME),
            new Call("getVariableLocalTyped", Kind.VARIABLE, Args.NAME),
            new Call("hasVariable", Kind.VARIABLE, Args.NAME),
            new Call("variableName", Kind.VARIABLE, Args.FIRST),
            new Call("variableValueEquals", Kind.VARIABLE, Args.FIRST),
            new Call("processVariableValueEquals", Kind.VARIABLE, Args.FIRST),
            new Call("removeVariable", Kind.VARIABLE, Args.NAME));

    /** Calls that write a variable: a name written here is known to the readers above. */
    public static final List<Call> SETTERS = List.of(
            new Call("setVariable", Kind.VARIABLE, Args.NAME),
            new Call("setVariableLocal", Kind.VARIABLE, Args.NAME),
            new Call("putValue", Kind.VARIABLE, Args.FIRST),
            new Call("putValueTyped", Kind.VARIABLE, Args.FIRST),
            // variable maps handed to setVariables, complete, start and correlate
            new Call("put", Kind.VARIABLE, Args.FIRST),
            new Call("Map.of", Kind.VARIABLE, Args.KEYS),
            new Call("entry", Kind.VARIABLE, Args.FIRST));

    /** Models a test builds in Java (Bpmn.createExecutableProcess): the names it defines there. */
    public static final List<Call> TEST_MODEL_BUILDERS = List.of(
            new Call("createExecutableProcess", Kind.PROCESS, Args.FIRST),
            new Call("startEvent", Kind.ACTIVITY, Args.FIRST),
            new Call("userTask", Kind.ACTIVITY, Args.FIRST),
            new Call("serviceTask", Kind.ACTIVITY, Args.FIRST),
            new Call("receiveTask", Kind.ACTIVITY, Args.FIRST),
            new Call("intermediateCatchEvent", Kind.ACTIVITY, Args.FIRST),
            new Call("endEvent", Kind.ACTIVITY, Args.FIRST),
            new Call("message", Kind.MESSAGE, Args.FIRST));

    /** A literal shaped like an activity id, wherever it stands (a constant, a map of rules by activity, …). */
    public static final Pattern ACTIVITY_SHAPE =
            Pattern.compile("[A-Z][A-Za-z0-9]*(Task|Event|Gateway|CallActivity|SubProcess|Timer|Flow)");

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern CONSTANT =
            Pattern.compile("static\\s+final\\s+String\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*\"((?:[^\"\\\\\\n]|\\\\.)*)\"\\s*;");
    private static final Pattern CONSTANT_REFERENCE = Pattern.compile("(?:([A-Z]\\w*)\\.)?([A-Z][A-Z0-9_]*)");

    private static final Map<Call, Pattern> OPENINGS = new java.util.concurrent.ConcurrentHashMap<>();

    private EngineNameUses() {
    }

    public static List<Path> javaFiles(Path... roots) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code static final String} constants of the files, by {@code Class.NAME}. */
    public static Map<String, String> constants(List<Path> files) {
        Map<String, String> constants = new HashMap<>();
        for (Path file : files) {
            String owner = file.getFileName().toString().replace(".java", "");
            Matcher constant = CONSTANT.matcher(codeOnly(read(file)));
            while (constant.find()) {
                constants.put(owner + "." + constant.group(1), constant.group(2));
            }
        }
        return constants;
    }

    /**
     * The names {@code source} passes to {@code calls}: literals, and constants of {@code constants}
     * ({@code Class.NAME}, or {@code NAME} of the file's own class).
     */
    public static List<Use> uses(Path file, String source, List<Call> calls, Map<String, String> constants) {
        String code = codeOnly(source);
        int[] lines = lineStarts(code);
        List<Use> uses = new ArrayList<>();
        for (Call call : calls) {
            if (!code.contains(call.method())) {
                continue;
            }
            Matcher at = OPENINGS.computeIfAbsent(call, Call::opening).matcher(code);
            while (at.find()) {
                List<int[]> args = arguments(code, at.end());
                for (int i = 0; i < args.size(); i++) {
                    String arg = code.substring(args.get(i)[0], args.get(i)[1]).strip();
                    String value = value(arg, file, constants);
                    if (value == null || !selected(call.args(), i, args, code, value, constants, file)) {
                        continue;
                    }
                    uses.add(new Use(file, line(lines, args.get(i)[0]), call.kind(), value,
                            call.method() + "(" + (arg.startsWith("\"") ? "…" : arg) + ")"));
                }
            }
        }
        return uses;
    }

    /** Every literal of {@code source} shaped like an activity id. */
    public static List<Use> activityShapedLiterals(Path file, String source) {
        String code = codeOnly(source);
        int[] lines = lineStarts(code);
        List<Use> uses = new ArrayList<>();
        Matcher literal = LITERAL.matcher(code);
        while (literal.find()) {
            if (ACTIVITY_SHAPE.matcher(literal.group(1)).matches()) {
                uses.add(new Use(file, line(lines, literal.start()), Kind.ACTIVITY, literal.group(1),
                        "literal shaped like an activity id"));
            }
        }
        return uses;
    }

    /** The literal's text, the constant's value, or null for anything else. */
    private static String value(String arg, Path file, Map<String, String> constants) {
        Matcher literal = LITERAL.matcher(arg);
        if (literal.matches()) {
            return literal.group(1);
        }
        Matcher reference = CONSTANT_REFERENCE.matcher(arg);
        if (!reference.matches()) {
            return null;
        }
        String owner = reference.group(1) != null ? reference.group(1)
                : file.getFileName().toString().replace(".java", "");
        return constants.get(owner + "." + reference.group(2));
    }

    private static boolean selected(Args args, int index, List<int[]> all, String code, String value,
                                    Map<String, String> constants, Path file) {
        return switch (args) {
            case FIRST -> index == 0;
            case EVERY -> true;
            case NAME -> index == 0 || index == 1 && value(
                    code.substring(all.get(0)[0], all.get(0)[1]).strip(), file, constants) == null;
            case EVERY_UPPER_CAMEL -> !value.isEmpty() && Character.isUpperCase(value.charAt(0))
                    && value.chars().allMatch(Character::isLetterOrDigit);
            case KEYS -> index % 2 == 0;
        };
    }

    /** The spans of the top-level arguments of the call whose '(' ends at {@code from}. */
    private static List<int[]> arguments(String code, int from) {
        List<int[]> args = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(code, i, c);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == ')' || c == ';') {
                if (i > start || !args.isEmpty()) {
                    args.add(new int[] {start, i});
                }
                return args;
            } else if (c == ',' && depth == 0) {
                args.add(new int[] {start, i});
                start = i + 1;
            }
        }
        return args;
    }

    private static int endOfLiteral(String code, int i, char quote) {
        for (int j = i + 1; j < code.length(); j++) {
            if (code.charAt(j) == '\\') {
                j++;
            } else if (code.charAt(j) == quote || code.charAt(j) == '\n') {
                return j;
            }
        }
        return code.length();
    }

    /** The source with comments and text blocks blanked out (line breaks kept, so lines still count). */
    static String codeOnly(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end + 3;
                blank(source, i, end, code);
                i = end;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                int end = Math.min(endOfLiteral(source, i, source.charAt(i)) + 1, source.length());
                code.append(source, i, end);
                i = end;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                end = end < 0 ? source.length() : end;
                blank(source, i, end, code);
                i = end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                blank(source, i, end, code);
                i = end;
            } else {
                code.append(source.charAt(i++));
            }
        }
        return code.toString();
    }

    private static void blank(String source, int from, int to, StringBuilder code) {
        for (int i = from; i < to; i++) {
            code.append(source.charAt(i) == '\n' ? '\n' : ' ');
        }
    }

    private static int[] lineStarts(String code) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int line(int[] lineStarts, int offset) {
        int found = java.util.Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
