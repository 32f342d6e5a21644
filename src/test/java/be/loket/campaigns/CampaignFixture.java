package be.loket.campaigns;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.outreach.ListType;
import be.loket.outreach.OutreachFixture;
import be.loket.person.People;
import be.loket.person.PersonDetails;
import be.loket.platform.SystemActor;
import be.loket.support.DemoRecords;
import be.loket.support.Staff;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Worklist entries the real way (outreach's own {@link OutreachFixture} steps): fictitious citizens, a data-sharing
 * agreement and a rent-arrears list imported through the UI; every tenant on it lands on the contact worklist.
 */
record CampaignFixture(MockMvc mvc, JdbcClient jdbc, UserDetailsService users, People people) {

    /** A fictitious citizen of Demodorp; phone and e-mail may be null. */
    record Citizen(UUID id, String first, String last, String insz) {
    }

    UUID tenant() {
        return DemoRecords.tenant(jdbc, "demodorp");
    }

    Citizen citizen(String first, String last, String phone, String email) {
        return citizen(first, last, phone, email, "nl");
    }

    /** A fictitious citizen of Demodorp who reads letters in {@code language} (nl, fr or en). */
    Citizen citizen(String first, String last, String phone, String email, String language) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1950 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String base = String.format("%02d%02d%02d%03d", birth.getYear() % 100, birth.getMonthValue(), birth.getDayOfMonth(),
                1 + random.nextInt(997));
        String insz = base + String.format("%02d", 97 - Long.parseLong(base) % 97);
        UUID id = SystemActor.runAs(tenant(), "campaign-test", () -> people.create(new PersonDetails(first, last, birth.toString(), insz,
                "Lindenlaan", String.valueOf(1 + random.nextInt(200)), null, "9990", "Demodorp", phone, email, "LETTER", language, false, null),
                true));
        return new Citizen(id, first, last, insz);
    }

    /** Imports a rent-arrears list with these citizens, most months in arrears first (the worklist's order), and returns their entries. */
    List<UUID> onArrearsList(List<Citizen> citizens) throws Exception {
        var outreach = new OutreachFixture(mvc, jdbc, users, people);
        UUID agreement = outreach.agreement("SOCIAL_HOUSING_COMPANY", ListType.RENT_ARREARS);
        StringBuilder csv = new StringBuilder("Rijksregisternummer;Naam;Voornaam;Achterstal;Maanden achterstal\n");
        int i = 0;
        for (Citizen c : citizens) {
            csv.append(c.insz()).append(';').append(c.last()).append(';').append(c.first()).append(';')
                    .append("\"").append(900 - 10 * i).append(",50\";").append(Math.max(1, 6 - i)).append('\n');
            i++;
        }
        outreach.importUpload(outreach.upload(agreement, ListType.RENT_ARREARS, "achterstallen.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)), "ALL");
        return citizens.stream().map(c -> entryOf(c.last())).toList();
    }

    UUID entryOf(String lastName) {
        return jdbc.sql("""
                        select w.id from outreach_worklist_entry w join outreach_row r on r.id = w.row_id
                        where r.last_name = ? order by w.created_at desc limit 1""")
                .param(lastName).query(UUID.class).single();
    }

    /** Starts a campaign through the UI as the social worker; methods by entry; returns the campaign id. */
    UUID campaign(String name, String variants, Map<UUID, String> methods) throws Exception {
        var request = post("/campaigns").with(Staff.as(users, "demo-socialworker")).with(csrf())
                .param("name", name).param("worklistKey", "rent-arrears").param("variants", variants == null ? "" : variants);
        methods.forEach((entry, method) -> request.param("methods[" + entry + "]", method));
        String location = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    static Map<UUID, String> methods(List<UUID> entries, String... methods) {
        Map<UUID, String> m = new LinkedHashMap<>();
        for (int i = 0; i < methods.length; i++) {
            m.put(entries.get(i), methods[i]);
        }
        return m;
    }

    UUID member(UUID campaign, UUID entry) {
        return jdbc.sql("select id from campaign_member where campaign_id = ? and entry_id = ?").params(campaign, entry)
                .query(UUID.class).single();
    }

    /** A unique family name, so tests sharing the database never see each other's people. */
    static String unique(String prefix) {
        StringBuilder b = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 6; i++) {
            b.append((char) (i == 0 ? 'A' + ThreadLocalRandom.current().nextInt(26) : 'a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return b.toString();
    }
}
