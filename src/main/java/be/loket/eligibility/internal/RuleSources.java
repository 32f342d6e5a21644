package be.loket.eligibility.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Finds rule files: the shipped ones on the classpath under {@code rules/} (facts.yaml, parameters/,
 * rights/), and a municipality's own in {@code <LOKET_RULES_DIR>/<municipality code>/*.yaml} (rights) and
 * {@code <LOKET_RULES_DIR>/<municipality code>/parameters/*.yaml} (its parameters).
 */
public final class RuleSources {
    private RuleSources() {
    }

    public static RuleLoader.Source shippedFacts() {
        return read("rules/facts.yaml");
    }

    public static List<RuleLoader.Source> shippedParameters() {
        return scan("classpath*:rules/parameters/*.yaml");
    }

    public static List<RuleLoader.Source> shippedRights() {
        return scan("classpath*:rules/rights/**/*.yaml");
    }

    /**
     * The municipality's rule files, sorted by name: its rights in {@code <code>/*.yaml} and its own
     * parameters in {@code <code>/parameters/*.yaml} (named so, see {@link #PARAMETERS}); empty when the
     * directory does not exist.
     */
    public static List<RuleLoader.Source> tenantDirectory(Path rulesDir, String tenantCode) {
        Path dir = rulesDir.resolve(tenantCode);
        List<RuleLoader.Source> out = new ArrayList<>(yamlFiles(dir.resolve("parameters"), tenantCode + PARAMETERS));
        out.addAll(yamlFiles(dir, tenantCode + "/"));
        return out;
    }

    /** The part of a tenant source's name that marks a parameter file: {@code <code>/parameters/<file>}. */
    public static final String PARAMETERS = "/parameters/";

    private static List<RuleLoader.Source> yamlFiles(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<RuleLoader.Source> out = new ArrayList<>();
            for (Path p : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted(Comparator.comparing(Path::toString)).toList()) {
                out.add(new RuleLoader.Source(prefix + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RuleLoader.Source read(String path) {
        try (InputStream in = RuleSources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing shipped rule file " + path);
            }
            return new RuleLoader.Source(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<RuleLoader.Source> scan(String pattern) {
        try {
            List<RuleLoader.Source> out = new ArrayList<>();
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(pattern);
            for (Resource r : resources) {
                String url = r.getURL().toString();
                String name = url.substring(url.lastIndexOf("rules/"));
                try (InputStream in = r.getInputStream()) {
                    out.add(new RuleLoader.Source(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            out.sort(Comparator.comparing(RuleLoader.Source::name));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
