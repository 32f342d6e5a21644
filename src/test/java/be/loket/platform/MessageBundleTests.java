package be.loket.platform;

import static org.assertj.core.api.Assertions.assertThat;

import be.loket.audit.AuditLog;
import be.loket.identity.OrganisationKind;
import be.loket.identity.OrganisationType;
import be.loket.identity.SiteKind;
import be.loket.person.ContactChannel;
import be.loket.person.HouseholdRelation;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every text a user sees comes from the bundles, in Dutch, French and English: a missing key, a key in
 * one language only, or text typed straight into a template fails the build.
 */
class MessageBundleTests {
    static final Path BUNDLES = Path.of("src/main/resources/i18n");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final List<String> LANGUAGES = List.of("", "_fr", "_en");
    static final Map<String, Properties> BY_LANGUAGE = new TreeMap<>();

    @BeforeAll
    static void load() throws IOException {
        for (String lang : LANGUAGES) {
            Properties all = new Properties();
            for (String base : baseNames()) {
                Path file = BUNDLES.resolve(base + lang + ".properties");
                assertThat(file).as("every bundle exists in nl, fr and en").exists();
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                for (String key : p.stringPropertyNames()) {
                    assertThat(all.containsKey(key)).as("key %s defined in two bundles", key).isFalse();
                }
                all.putAll(p);
            }
            BY_LANGUAGE.put(lang, all);
        }
    }

    static List<String> baseNames() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".properties"))
                    .filter(n -> !n.matches(".*_[a-z]{2}\\.properties")).map(n -> n.replace(".properties", "")).sorted().toList();
        }
    }

    @Test
    void everyLanguageHasTheSameKeysAndNoEmptyOrBrokenText() {
        Set<String> dutch = BY_LANGUAGE.get("").stringPropertyNames();
        for (String lang : LANGUAGES) {
            Properties p = BY_LANGUAGE.get(lang);
            assertThat(p.stringPropertyNames()).as("keys of language '%s'", lang).isEqualTo(dutch);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                assertThat(value).as("%s%s", key, lang).isNotBlank();
                // MessageFormat eats a lone ASCII apostrophe; the bundles use ’ instead.
                assertThat(value).as("%s%s uses ’ not '", key, lang).doesNotContain("'");
            }
        }
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Set<String> known = BY_LANGUAGE.get("").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        Pattern literal = Pattern.compile("#\\{([A-Za-z0-9_.]+)");
        Pattern dynamic = Pattern.compile("#\\{'([A-Za-z0-9_.]+)'\\s*\\+");
        for (Path t : files(TEMPLATES, ".html")) {
            String html = Files.readString(t);
            Matcher m = literal.matcher(html);
            while (m.find()) {
                if (!known.contains(m.group(1))) {
                    missing.add(m.group(1) + " (" + t.getFileName() + ")");
                }
            }
            Matcher d = dynamic.matcher(html);
            while (d.find()) {
                String prefix = d.group(1);
                if (known.stream().noneMatch(k -> k.startsWith(prefix))) {
                    missing.add(prefix + "* (" + t.getFileName() + ")");
                }
            }
        }
        Set<String> firstSegments = new TreeSet<>();
        known.forEach(k -> firstSegments.add(k.substring(0, k.indexOf('.') > 0 ? k.indexOf('.') : k.length())));
        Pattern javaKey = Pattern.compile("\"([a-z]+)\\.([A-Za-z]+(?:\\.[A-Za-z]+)*)\"");
        for (Path j : files(Path.of("src/main/java"), ".java")) {
            Matcher m = javaKey.matcher(Files.readString(j));
            while (m.find()) {
                String key = m.group(1) + "." + m.group(2);
                if (firstSegments.contains(m.group(1)) && m.group(2).matches("[a-z].*") && !known.contains(key)
                        && !key.matches(".*\\.(html|properties|sql|yaml|yml|csv|pdf|java)$")) {
                    missing.add(key + " (" + j.getFileName() + ")");
                }
            }
        }
        assertThat(missing).as("message keys used but not defined").isEmpty();
    }

    @Test
    void everyEnumShownToUsersHasALabel() {
        Set<String> known = BY_LANGUAGE.get("").stringPropertyNames();
        Map<String, Enum<?>[]> enums = Map.of("role.", Role.values(), "channel.", ContactChannel.values(), "relation.",
                HouseholdRelation.values(), "organisationType.", OrganisationType.values(), "organisationKind.",
                OrganisationKind.values(), "siteKind.", SiteKind.values(), "audit.action.", AuditLog.Action.values());
        enums.forEach((prefix, values) -> {
            for (Enum<?> v : values) {
                assertThat(known).contains(prefix + v.name());
            }
        });
    }

    @Test
    void templatesHoldNoHardCodedText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path t : files(TEMPLATES, ".html")) {
            Document doc = Jsoup.parse(Files.readString(t), "", Parser.htmlParser());
            for (Element e : doc.getAllElements()) {
                if (e.tagName().equals("script") || e.tagName().equals("style") || isReplaced(e.parent())) {
                    // Children of an element whose content Thymeleaf replaces never reach the user.
                    continue;
                }
                List<String> expressions = new ArrayList<>(List.of("th:text", "th:utext"));
                for (String attr : shownAttributes(e)) {
                    String v = e.attr(attr);
                    // A static attribute that Thymeleaf overwrites (th:title next to title) is a design-time stand-in.
                    if (v.codePoints().anyMatch(Character::isLetter) && !e.hasAttr("th:" + attr)) {
                        problems.add(t.getFileName() + ": " + attr + "=\"" + v + "\" on <" + e.tagName() + ">");
                    }
                    expressions.add("th:" + attr);
                }
                for (String attr : expressions) {
                    if (hardCodedLiteral(e.attr(attr))) {
                        problems.add(t.getFileName() + ": " + attr + "=\"" + e.attr(attr) + "\" on <" + e.tagName() + ">");
                    }
                }
                Matcher assigned = SHOWN_IN_TH_ATTR.matcher(e.attr("th:attr"));
                while (assigned.find()) {
                    if (hardCodedLiteral(assigned.group(2))) {
                        problems.add(t.getFileName() + ": th:attr " + assigned.group(1) + "=\"" + assigned.group(2) + "\" on <"
                                + e.tagName() + ">");
                    }
                }
                if (isReplaced(e)) {
                    continue;
                }
                for (TextNode text : e.textNodes()) {
                    if (text.text().codePoints().anyMatch(Character::isLetter)) {
                        problems.add(t.getFileName() + ": <" + e.tagName() + "> \"" + text.text().strip() + "\"");
                    }
                }
            }
        }
        assertThat(problems).as("hard-coded text in templates").isEmpty();
    }

    /** Assignments in th:attr to an attribute the user sees, e.g. th:attr="aria-label='Sluiten'". */
    static final Pattern SHOWN_IN_TH_ATTR = Pattern.compile("(?:^|,)\\s*(aria-label|title|placeholder|alt)\\s*=\\s*([^,]*)");

    @Test
    void theHardCodedTextCheckFindsLiteralsInExpressionsAndButtonValues() throws IOException {
        Matcher assigned = SHOWN_IN_TH_ATTR.matcher("id=${x}, aria-label='Sluiten'");
        assertThat(assigned.find()).isTrue();
        assertThat(hardCodedLiteral(assigned.group(2))).isTrue();
        assertThat(hardCodedLiteral("'Some text'")).isTrue();
        assertThat(hardCodedLiteral("${person.name} ?: 'onbekend'")).isTrue();
        assertThat(hardCodedLiteral("|Hallo ${person.name}|")).isTrue();
        assertThat(hardCodedLiteral("#{'role.' + ${r}}")).isFalse();
        assertThat(hardCodedLiteral("${d} ? #{yes} : #{no}")).isFalse();
        assertThat(hardCodedLiteral("${#temporals.format(d, 'dd/MM/yyyy')} + ' – ' + ${n}")).isFalse();
        assertThat(hardCodedLiteral("|${a} ${b}|")).isFalse();
        Document doc = Jsoup.parse("<input type=\"submit\" value=\"Opslaan\"><input type=\"hidden\" name=\"x\" value=\"EMAIL\">"
                + "<button value=\"save\" th:text=\"#{a}\"></button>", "", Parser.htmlParser());
        assertThat(shownAttributes(doc.selectFirst("input[type=submit]"))).contains("value");
        assertThat(shownAttributes(doc.selectFirst("input[type=hidden]"))).doesNotContain("value");
        assertThat(shownAttributes(doc.selectFirst("button"))).doesNotContain("value");
    }

    /**
     * The attributes of an element a user sees (or a screen reader reads): a value is shown only on an input
     * button; a hidden input's or a button's value is data sent to the server.
     */
    static List<String> shownAttributes(Element e) {
        List<String> shown = new ArrayList<>(List.of("placeholder", "title", "alt", "aria-label"));
        if (e.tagName().equals("input") && Set.of("submit", "button", "reset").contains(e.attr("type").toLowerCase())) {
            shown.add("value");
        }
        return shown;
    }

    /**
     * Whether a Thymeleaf expression shows typed text: a quoted or |…| literal with a letter outside
     * the message (#{…}) and variable (${…}, *{…}, @{…}) expressions, whose literals are keys, formats or
     * comparisons.
     */
    static boolean hardCodedLiteral(String expression) {
        if (expression == null || expression.isEmpty()) {
            return false;
        }
        StringBuilder outside = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (depth == 0 && "$*#@~".indexOf(c) >= 0 && i + 1 < expression.length() && expression.charAt(i + 1) == '{') {
                depth = 1;
                i++;
            } else if (depth > 0) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            } else {
                outside.append(c);
            }
        }
        Matcher literal = Pattern.compile("'([^']*)'|\\|([^|]*)\\|").matcher(outside);
        while (literal.find()) {
            String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
            if (text.codePoints().anyMatch(Character::isLetter)) {
                return true;
            }
        }
        return false;
    }

    /** Text inside an element whose content Thymeleaf replaces never reaches the user. */
    static boolean isReplaced(Element e) {
        if (e == null) {
            return false;
        }
        // The page's <html th:replace> hands the page to the layout; it replaces nothing the user sees.
        for (Element x = e; x != null && !x.tagName().equals("html"); x = x.parent()) {
            for (String a : List.of("th:text", "th:utext", "th:replace", "th:insert", "th:errors", "th:remove",
                    "sec:authentication")) {
                if (x.hasAttr(a)) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
