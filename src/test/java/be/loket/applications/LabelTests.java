package be.loket.applications;

import static org.assertj.core.api.Assertions.assertThat;

import be.loket.committee.DecisionRoute;
import be.loket.committee.SessionStatus;
import be.loket.eligibility.ConditionStatus;
import be.loket.eligibility.Outcome;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every status, source and outcome the application and committee pages show has a label in Dutch, French and English. */
class LabelTests {

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/i18n", name + ".properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyEnumShownHasALabelInEveryLanguage() throws IOException {
        Map<String, Enum<?>[]> applications = Map.of("applications.status.", ApplicationStatus.values(), "applications.proof.status.",
                ProofStatus.values(), "applications.source.", FactSource.values(), "applications.outcome.", DecisionOutcome.values(),
                "applications.reminder.kind.", ReminderDue.Kind.values(), "applications.evaluation.", Outcome.values(),
                "applications.condition.", ConditionStatus.values(), "applications.route.", DecisionRoute.values());
        Map<String, Enum<?>[]> committee = Map.of("committee.route.", DecisionRoute.values(), "committee.status.", SessionStatus.values(),
                "committee.outcome.", DecisionOutcome.values(), "committee.minutes.status.", SessionStatus.values());
        for (String lang : List.of("", "_fr", "_en")) {
            Properties a = bundle("applications" + lang);
            Properties c = bundle("committee" + lang);
            applications.forEach((prefix, values) -> {
                for (Enum<?> v : values) {
                    assertThat(a.getProperty(prefix + v.name())).as("%s%s in applications%s", prefix, v, lang).isNotBlank();
                }
            });
            committee.forEach((prefix, values) -> {
                for (Enum<?> v : values) {
                    assertThat(c.getProperty(prefix + v.name())).as("%s%s in committee%s", prefix, v, lang).isNotBlank();
                }
            });
        }
    }
}
