package org.luoshi.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.luoshi.org.Permission;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The access matrix ({@code src/test/resources/access-matrix.tsv}): every page route and API operation
 * of the application with the right it needs, and each role's expected answer (403 or not). The route
 * list is read from the running application, so a new route fails this test until it is classified
 * there; the right is read from the route's {@code @PreAuthorize}, the roles' rights from the one
 * role → permission table ({@link Role}). Every route that can be called without a body is then
 * called as each role without the right, which must get 403, and every page and read as each role
 * with it, which must get anything else (changes are not made, so that the demo data stays as the
 * other tests expect). Routes with a body are checked through their annotation only: the body is read
 * before the access check, so a bare call would answer 400.
 * <p>The last five columns ({@code foreign:ROLE}) are what each role gets on another township's object
 * (石桥乡's unit, person, post, record, attachment, finding, notification, duty, seat, letter, account),
 * written from the same run: 404, or 403 where the role lacks the right anyway; "-" where the route names no
 * such object or cannot be called bare, and for the county-wide roles, who have no other scope. Anything but
 * 404 or 403 there fails the test.
 * <p>Regenerate the file after a deliberate change with {@code -Dluoshi.access-matrix.write=true},
 * and read the diff: it is the change in who may do what.
 */
@LuoshiTest
class AccessMatrixTest {

    static final Path MATRIX = Path.of("src/test/resources/access-matrix.tsv");
    /**
     * A column of the matrix: an account of a role at a tier. The reviewer role has a column per tier (a
     * county's, a city's and a province's reviewer: same rights, other reach); the city and province
     * accounts come from {@link TierFixture}, built in this test's transaction.
     */
    record Column(String name, Role role, String username, boolean aboveCounty) {
    }

    /** The administrator sits at the province here: the fixture moves the whole tree's administrators up. */
    static final List<Column> COLUMNS = List.of(new Column("ADMIN", Role.ADMIN, "admin", true),
            new Column("COUNTY_REVIEWER", Role.COUNTY_REVIEWER, "county", false),
            new Column("CITY_REVIEWER", Role.COUNTY_REVIEWER, "cityrev", true),
            new Column("PROVINCE_REVIEWER", Role.COUNTY_REVIEWER, "provrev", true),
            new Column("TOWNSHIP_OFFICER", Role.TOWNSHIP_OFFICER, "officer", false),
            new Column("TOWNSHIP_LEADER", Role.TOWNSHIP_LEADER, "leader", false),
            new Column("VILLAGE_CLERK", Role.VILLAGE_CLERK, "clerk", false));
    /**
     * Routes a role with the right is refused for a reason of state, not of right: the county's
     * ranking, which townships see once the county publishes it. The refusal must say so.
     */
    static final Map<String, String> REFUSED_UNTIL = Map.of(
            "GET /assessment/county", "尚未发布", "GET /assessment/county.xlsx", "尚未发布",
            "GET /assessment/charts/county", "尚未发布", "GET /api/v1/assessment/county", "尚未发布");
    private static final Pattern AUTHORITY = Pattern.compile("^hasAuthority\\('([a-z:]+)'\\)$");

    @Autowired
    RequestMappingHandlerMapping mappings;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    org.luoshi.tiers.TierFixture tiers;
    @Autowired
    JdbcTemplate jdbc;

    /** A route of the application, the right it needs ("-" for any signed-in user), and whether it can be called bare. */
    record Route(String method, String pattern, String right, boolean callable, HandlerMethod handler) {

        String key() {
            return method + " " + pattern;
        }

        boolean allows(Role role) {
            return right.equals("-") || role.permissions().contains(Permission.ofCode(right));
        }
    }

    List<Route> routes() {
        Map<String, Route> routes = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = e.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("org.luoshi")) {
                continue;
            }
            String right = right(handler);
            Set<String> patterns = e.getKey().getPatternValues();
            Set<org.springframework.web.bind.annotation.RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                for (var method : methods.isEmpty() ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET) : methods) {
                    Route route = new Route(method.name(), pattern, right, callable(handler), handler);
                    routes.put(route.key(), route);
                }
            }
        }
        return new ArrayList<>(routes.values());
    }

    /** The right named by the handler's (or its class's) @PreAuthorize, meta-annotations included. */
    static String right(HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (rule == null) {
            return "-";
        }
        Matcher m = AUTHORITY.matcher(rule.value());
        assertThat(m.matches()).as(handler + " asks for one right: " + rule.value()).isTrue();
        Permission.ofCode(m.group(1));
        return m.group(1);
    }

    /**
     * Whether a bare call reaches the method's access check: @PreAuthorize runs once the arguments are
     * read, so a body, a file or a form validated without a BindingResult would answer 400 first.
     */
    static boolean callable(HandlerMethod handler) {
        Method method = handler.getMethod();
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            Parameter p = parameters[i];
            if (p.isAnnotationPresent(RequestBody.class) || MultipartFile.class.isAssignableFrom(p.getType())
                    || p.getType().isArray() && MultipartFile.class.isAssignableFrom(p.getType().getComponentType())) {
                return false;
            }
            boolean validated = p.isAnnotationPresent(jakarta.validation.Valid.class)
                    || p.isAnnotationPresent(org.springframework.validation.annotation.Validated.class);
            boolean bound = validated && (p.isAnnotationPresent(ModelAttribute.class) || !isSimple(p.getType()));
            if (bound && (i + 1 >= parameters.length || !BindingResult.class.isAssignableFrom(parameters[i + 1].getType()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSimple(Class<?> type) {
        return type.isPrimitive() || type.getName().startsWith("java.") || type.isEnum();
    }

    static String line(Route r, Map<Role, String> foreign) {
        StringBuilder line = new StringBuilder(r.method() + "\t" + r.pattern() + "\t" + r.right());
        for (Column column : COLUMNS) {
            line.append('\t').append(r.allows(column.role()) ? "ok" : "403");
        }
        for (Column column : COLUMNS) {
            // the reviewer's tiers share a role: only the roles scoped to one township are called on another's objects
            line.append('\t').append(column.role() == Role.COUNTY_REVIEWER || column.role() == Role.ADMIN
                    ? "-" : foreign.getOrDefault(column.role(), "-"));
        }
        return line.toString();
    }

    static String header() {
        StringBuilder line = new StringBuilder("# method\tpath\tright");
        COLUMNS.forEach(c -> line.append('\t').append(c.name()));
        COLUMNS.forEach(c -> line.append('\t').append("foreign:").append(c.name()));
        return line.toString();
    }

    @Test
    @org.springframework.transaction.annotation.Transactional
    void everyRouteIsClassifiedAndEveryRoleGetsWhatTheMatrixSays() throws Exception {
        tiers.build(); // 示范省 → 示范市 → 青禾县, rolled back with the test
        List<Route> routes = routes();
        ForeignObjects foreignObjects = new ForeignObjects(jdbc);
        List<String> expected = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        expected.add(header());
        for (Route r : routes) {
            Map<Role, String> foreign = foreignAnswers(r, foreignObjects);
            foreign.forEach((role, answer) -> {
                if (!answer.equals("404") && !answer.equals("403")) {
                    leaks.add(r.key() + " as " + role + " on another township's object: " + answer);
                }
            });
            expected.add(line(r, foreign));
        }
        if (Boolean.getBoolean("luoshi.access-matrix.write")) {
            Files.write(MATRIX, expected);
        }
        List<String> written = Files.readAllLines(MATRIX);
        // a new route, a changed right or a changed role table shows here until the matrix is updated
        assertThat(written).as("access-matrix.tsv (regenerate with -Dluoshi.access-matrix.write=true)")
                .containsExactlyElementsOf(expected);
        assertThat(routes).hasSizeGreaterThan(200);

        List<String> deviations = new ArrayList<>();
        int calls = 0;
        for (Route route : routes) {
            if (!route.callable()) {
                continue;
            }
            for (Column column : COLUMNS) {
                Role role = column.role();
                if (!route.method().equals("GET") && route.allows(role)) {
                    continue; // a change the role may make is not made here: the demo data stays as other tests expect
                }
                org.springframework.mock.web.MockHttpServletResponse answer = call(route, column.username());
                int status = answer.getStatus();
                calls++;
                boolean refused = status == 403;
                String reason = REFUSED_UNTIL.get(route.key());
                // the county ranking is a county's page: a user above the counties is told it is not published
                // there (a city's or province's overview ranks the counties below)
                if (refused && route.allows(role) && reason != null && (role == Role.TOWNSHIP_OFFICER
                        || role == Role.TOWNSHIP_LEADER || column.aboveCounty())) {
                    if (!answer.getContentAsString().contains(reason)) {
                        deviations.add(route.key() + " as " + column.name() + ": 403 without saying " + reason);
                    }
                    continue;
                }
                if (refused == route.allows(role) || status >= 500) {
                    deviations.add(route.key() + " as " + column.name() + ": " + status);
                }
            }
        }
        assertThat(calls).isGreaterThan(400);
        assertThat(deviations).as("answers that differ from the matrix").isEmpty();
        assertThat(leaks).as("another township's objects answer 404 or 403, nothing else").isEmpty();
        assertThat(expected.stream().filter(l -> !l.endsWith("\t-\t-\t-")).count())
                .as("routes called on another township's objects").isGreaterThan(70);
    }

    /** Roles whose scope is one township or village, for whom 石桥乡 (officer2's) is another scope. */
    static final List<Role> SCOPED = List.of(Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_LEADER, Role.VILLAGE_CLERK);

    /**
     * What each role below the county gets when the route is called on an object of another township
     * (石桥乡): the status, or "-" where the route names no object of a township (or its body cannot be
     * sent bare). The county-wide roles have no other scope in a one-county deployment: "-".
     */
    Map<Role, String> foreignAnswers(Route route, ForeignObjects objects) throws Exception {
        Map<Role, String> answers = new LinkedHashMap<>();
        if (!route.callable()) {
            return answers;
        }
        String path = objects.substitute(route.pattern());
        if (path == null) {
            return answers;
        }
        for (Role role : SCOPED) {
            String username = COLUMNS.stream().filter(c -> c.role() == role).findFirst().orElseThrow().username();
            answers.put(role, String.valueOf(call(route, path, username).getStatus()));
        }
        return answers;
    }

    /**
     * Objects of 石桥乡 (another township than the one of officer, leader and clerk), the oldest of each
     * kind, by the path variables that name them.
     */
    static final class ForeignObjects {

        private final Map<String, Long> ids = new LinkedHashMap<>();
        private final JdbcTemplate jdbc;
        private final long township;
        private final String subtree;

        ForeignObjects(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
            Map<String, Object> unit = jdbc.queryForMap("select id, path from org_unit where name = '石桥乡'");
            this.township = ((Number) unit.get("id")).longValue();
            this.subtree = unit.get("path") + "%";
        }

        /** The path with every object variable replaced by a 石桥乡 object, or null if one names no such object. */
        String substitute(String pattern) {
            Matcher m = Pattern.compile("\\{([^}:]+)[^}]*}").matcher(pattern);
            StringBuilder path = new StringBuilder();
            boolean any = false;
            while (m.find()) {
                if (m.group(1).equals("kind")) {
                    m.appendReplacement(path, "study-session");
                    continue;
                }
                String prefix = pattern.substring(0, m.start());
                Long id = id(prefix, m.group(1));
                if (id == null) {
                    return null;
                }
                any = true;
                m.appendReplacement(path, String.valueOf(id));
            }
            m.appendTail(path);
            return any ? path.toString().replace("/**", "/x") : null;
        }

        private Long id(String prefix, String variable) {
            String area = prefix.replace("/api/v1", "").replaceAll("/[0-9]+", "/");
            String sql = switch (variable) {
                case "townshipId" -> "select " + township;
                case "seatId" -> "select min(s.id) from group_seat s join leading_group g on g.id = s.group_id where g.org_unit_id = "
                        + township;
                case "attachmentId" -> "select min(id) from attachment" + in("org_unit_id");
                case "id" -> idOf(area);
                default -> null;
            };
            if (sql == null) {
                return null;
            }
            return ids.computeIfAbsent(prefix + "{" + variable + "}", k -> jdbc.queryForObject(sql, Long.class));
        }

        /**
         * Only kinds the demo data gives 石桥乡 when it starts, so that the file does not depend on which
         * tests ran before: reports, inspections, checklists, indicator sets, task answers and tokens of
         * 石桥乡 exist only once a test makes them, and their scope is tested in their modules
         * (e.g. {@code OwnershipTest}, {@code InspectionFlowTest}, {@code ReportTraditionalTest}).
         */
        private String idOf(String area) {
            if (area.startsWith("/org/units")) {
                return "select " + township;
            }
            if (area.startsWith("/org/people")) {
                return "select min(id) from person" + in("org_unit_id");
            }
            if (area.startsWith("/org/posts")) {
                return "select min(id) from post" + in("org_unit_id");
            }
            if (area.startsWith("/ledger/records")) {
                return "select min(id) from ledger_record" + in("org_unit_id");
            }
            if (area.startsWith("/ledger/attachments")) {
                return "select min(id) from attachment" + in("org_unit_id");
            }
            if (area.startsWith("/inspection/findings")) {
                return "select min(id) from finding" + in("unit_id");
            }
            if (area.startsWith("/inspection/notifications")) {
                return "select min(id) from notification" + in("unit_id");
            }
            if (area.startsWith("/responsibility/duties")) {
                return "select min(id) from responsibility" + in("org_unit_id");
            }
            if (area.startsWith("/responsibility/letters")) {
                return "select min(id) from responsibility_letter" + in("org_unit_id");
            }
            if (area.startsWith("/admin/accounts")) {
                return "select min(id) from account" + in("org_unit_id");
            }
            return null;
        }

        /** Rows whose unit is in 石桥乡's subtree. */
        private String in(String unitColumn) {
            return " where " + unitColumn + " in (select id from org_unit where path like '" + subtree + "')";
        }
    }

    /** Calls the route with ids that exist nowhere and the required parameters filled in. */
    org.springframework.mock.web.MockHttpServletResponse call(Route route, String username) throws Exception {
        String path = route.pattern().replaceAll("\\{kind[^}]*}", "study-session").replaceAll("\\{[^}]+}", "987654321");
        return call(route, path.replace("/**", "/x"), username);
    }

    /** Calls the route at {@code path} with the required parameters filled in. */
    org.springframework.mock.web.MockHttpServletResponse call(Route route, String path, String username) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(route.method()), path)
                .with(TestUsers.as(users, username)).with(csrf());
        for (Parameter p : route.handler().getMethod().getParameters()) {
            RequestParam param = p.getAnnotation(RequestParam.class);
            if (param == null || !param.required() || !param.defaultValue().equals(
                    org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE) || Map.class.isAssignableFrom(p.getType())) {
                continue;
            }
            String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : p.getName();
            request.param(name, sample(p.getType(), name));
        }
        try {
            return mvc.perform(request.header("Accept-Language", "zh-CN")).andReturn().getResponse();
        } catch (jakarta.servlet.ServletException unhandled) {
            org.springframework.mock.web.MockHttpServletResponse failed = new org.springframework.mock.web.MockHttpServletResponse();
            failed.setStatus(500); // what a real server answers; MockMvc throws instead
            return failed;
        }
    }

    private static String sample(Class<?> type, String name) {
        if (type == int.class || type == Integer.class) {
            return name.equals("year") ? "2026" : "1";
        }
        if (type == long.class || type == Long.class) {
            return "987654321";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "false";
        }
        if (type == java.time.LocalDate.class) {
            return "2026-01-01";
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0].toString();
        }
        return "x";
    }

}
