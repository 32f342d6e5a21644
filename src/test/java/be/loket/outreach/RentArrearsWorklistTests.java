package be.loket.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.person.People;
import be.loket.platform.SystemActor;
import be.loket.support.LoketTest;
import be.loket.support.Staff;
import be.loket.support.WebTestBase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The monthly rent-arrears list: everyone on it lands on the contact worklist with amount and months in
 * arrears, matched or not; a column named differently is mapped once and remembered for the partner.
 */
@LoketTest
class RentArrearsWorklistTests extends WebTestBase {
    @Autowired
    People people;
    @Autowired
    PartnerFacts partnerFacts;
    @Autowired
    Worklists worklists;
    OutreachFixture fx;

    @BeforeEach
    void fixture() {
        fx = new OutreachFixture(mvc, jdbc, users, people);
    }

    static byte[] arrearsList(String month) {
        // UTF-8 with BOM, comma-separated, Dutch amounts quoted: as an online spreadsheet exports it.
        return ("\uFEFFNaam,Voornaam,Geboortedatum,Straat,Huisnummer,Postcode,Huurcontract,Bedrag achterstal,Maanden achterstal,Maandhuur\n"
                + "Achterstal-Janssen,Noor,1972-02-29,Lindenlaan,12,9990,HC-" + month + "-17,\"1.234,56\",4,\"612,00\"\n"
                + "Achterstal-Peeters,Wout,15/08/1966,Lindenlaan,14,9990,HC-" + month + "-23,\"310,5\",1,\"540\"\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyTenantOnTheArrearsListIsOnTheWorklistWithAmountAndMonths() throws Exception {
        UUID noor = fx.citizen("Noor", "Achterstal-Janssen", "1972-02-29", null, "Lindenlaan", "12");
        UUID agreement = fx.agreement("SOCIAL_HOUSING_COMPANY", ListType.RENT_ARREARS);
        UUID upload = fx.upload(agreement, ListType.RENT_ARREARS, "achterstallen-oktober.csv", arrearsList("10"));
        // "Huurcontract" is not a header Loket knows: the worker maps it to the reference once.
        mvc.perform(post("/outreach/uploads/" + upload + "/mapping").with(Staff.as(users, "demo-socialworker")).with(csrf())
                        .param("map.LAST_NAME", "Naam").param("map.FIRST_NAME", "Voornaam").param("map.BIRTH_DATE", "Geboortedatum")
                        .param("map.STREET", "Straat").param("map.HOUSE_NUMBER", "Huisnummer").param("map.POSTAL_CODE", "Postcode")
                        .param("map.REFERENCE", "Huurcontract").param("map.ARREARS_AMOUNT", "Bedrag achterstal")
                        .param("map.MONTHS_IN_ARREARS", "Maanden achterstal").param("map.MONTHLY_RENT", "Maandhuur"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("De kolomkeuze is bewaard")))
                .andExpect(content().string(Matchers.containsString("<option value=\"Huurcontract\" selected=\"selected\">")));
        UUID importId = fx.importUpload(upload, "ALL");

        mvc.perform(get("/outreach/worklist").with(Staff.as(users, "demo-socialworker")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Noor Achterstal-Janssen")))
                .andExpect(content().string(Matchers.containsString("/persons/" + noor)))
                .andExpect(content().string(Matchers.containsString("Wout Achterstal-Peeters (nog niet gekoppeld)")))
                .andExpect(content().string(Matchers.containsString("€ 1.234,56")))
                .andExpect(content().string(Matchers.containsString("€ 310,50")))
                .andExpect(content().string(Matchers.containsString("HC-10-17")));
        assertThat(jdbc.sql("select w.months from outreach_worklist_entry w join outreach_row r on r.id = w.row_id"
                + " where w.import_id = ? and r.last_name = 'Achterstal-Janssen'").param(importId).query(Integer.class).single()).isEqualTo(4);
        var facts = SystemActor.runAs(fx.tenant(), "rights-engine", () -> partnerFacts.latestFor(noor));
        assertThat(facts.get(FactNames.MONTHLY_RENT).asAmount()).isEqualByComparingTo("612.00");
        assertThat(facts.get(FactNames.RENT_ARREARS_MONTHS).value()).isEqualTo("4");

        // Next month's list from the same partner: the saved mapping is used without asking again.
        UUID november = fx.upload(agreement, ListType.RENT_ARREARS, "achterstallen-november.csv", arrearsList("11"));
        mvc.perform(get("/outreach/uploads/" + november).with(Staff.as(users, "demo-socialworker")))
                .andExpect(content().string(Matchers.containsString("<option value=\"Huurcontract\" selected=\"selected\">")));

        UUID entry = jdbc.sql("select id from outreach_worklist_entry where import_id = ? and amount = 310.50").param(importId)
                .query(UUID.class).single();
        mvc.perform(post("/outreach/worklist/" + entry).param("status", "CONTACTED").with(Staff.as(users, "demo-socialworker")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from outreach_worklist_entry where id = ?").param(entry).query(String.class).single())
                .isEqualTo("CONTACTED");
    }

    @Test
    void aRowRepeatedInTheSameFileIsImportedOnce() throws Exception {
        UUID agreement = fx.agreement("SOCIAL_HOUSING_COMPANY", ListType.RENT_ARREARS);
        String row = "Dubbel-Rij,Jo,1990-01-01,\"50,00\",1\n";
        byte[] list = ("Naam,Voornaam,Geboortedatum,Achterstal,Maanden achterstal\n" + row + row).getBytes(StandardCharsets.UTF_8);
        UUID importId = fx.importUpload(fx.upload(agreement, ListType.RENT_ARREARS, "dubbel.csv", list), "ALL");
        assertThat(jdbc.sql("select rows_imported || '/' || rows_known from outreach_import where id = ?").param(importId)
                .query(String.class).single()).isEqualTo("1/1");
        assertThat(jdbc.sql("select count(*) from outreach_worklist_entry where import_id = ?").param(importId).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void theContactListIsPagedByTheDatabaseInTheOrderOfTheWholeList() throws Exception {
        UUID agreement = fx.agreement("SOCIAL_HOUSING_COMPANY", ListType.RENT_ARREARS);
        StringBuilder csv = new StringBuilder("Naam,Voornaam,Geboortedatum,Achterstal,Maanden achterstal\n");
        for (int i = 1; i <= 5; i++) {
            csv.append("Pagina-").append(i).append(",Kim,1980-01-0").append(i).append(",\"").append(100 * i).append(",00\",").append(i)
                    .append('\n');
        }
        fx.importUpload(fx.upload(agreement, ListType.RENT_ARREARS, "pagina.csv", csv.toString().getBytes(StandardCharsets.UTF_8)), "ALL");
        Locale nl = Locale.forLanguageTag("nl");
        List<WorklistEntry> all = SystemActor.runAs(fx.tenant(), "outreach-test", () -> worklists.entries(Worklists.RENT_ARREARS, nl));
        assertThat(all.size()).isGreaterThanOrEqualTo(5);
        long audited = jdbc.sql("select count(*) from audit_event where entity_type = 'OUTREACH_WORKLIST' and detail = 'entries=2 offset=2'")
                .query(Long.class).single();

        List<WorklistEntry> page2 = SystemActor.runAs(fx.tenant(), "outreach-test",
                () -> worklists.entries(Worklists.RENT_ARREARS, nl, 2, 2));
        assertThat(page2).isEqualTo(all.subList(2, 4));
        // The read is audited with what was read: two entries, not the whole list cut afterwards.
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'OUTREACH_WORKLIST' and detail = 'entries=2 offset=2'")
                .query(Long.class).single()).isEqualTo(audited + 1);
        assertThat(SystemActor.runAs(fx.tenant(), "outreach-test", () -> worklists.entries(Worklists.RENT_ARREARS, nl, all.size(), 2)))
                .isEmpty();
        // The highest arrears of this list come before the lower ones, as on the whole list.
        assertThat(all.stream().filter(e -> e.personName().endsWith("Pagina-5") || e.personName().endsWith("Pagina-1"))
                .map(WorklistEntry::personName)).containsExactly("Kim Pagina-5", "Kim Pagina-1");
        long open = all.stream().filter(e -> e.status() == WorklistEntry.Status.OPEN).count();
        assertThat(SystemActor.runAs(fx.tenant(), "outreach-test", () -> worklists.lists(nl)))
                .anySatisfy(l -> {
                    assertThat(l.key()).isEqualTo(Worklists.RENT_ARREARS);
                    assertThat((long) l.open()).isEqualTo(open);
                });
    }
}
