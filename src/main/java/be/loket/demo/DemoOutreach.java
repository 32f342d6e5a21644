package be.loket.demo;

import be.loket.identity.Directory;
import be.loket.identity.Tenant;
import be.loket.outreach.ListType;
import be.loket.outreach.PartnerLists;
import be.loket.platform.SystemActor;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Outreach in the demo: Demodorp's data-sharing agreement with its social housing company, and one
 * waiting list and one rent-arrears list of fictitious Demodorp citizens, imported so that the worklists
 * (huurtoelage and the other rights, and the rent-arrears contact list) are not empty. Loaded once.
 */
@Component
class DemoOutreach {
    private static final Logger log = LoggerFactory.getLogger(DemoOutreach.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final String PURPOSE = "Huurders en kandidaat-huurders met recht op de huurtoelage of in huurachterstal proactief contacteren";

    private final Directory directory;
    private final PartnerLists lists;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoOutreach(Directory directory, PartnerLists lists, JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.directory = directory;
        this.lists = lists;
        this.jdbc = jdbc;
    }

    private record Citizen(String insz, String first, String last, LocalDate birth, String street, String number) {
    }

    void load() {
        UUID demodorp = directory.tenantByCode("demodorp").map(Tenant::id).orElse(null);
        if (demodorp == null || jdbc.sql("select count(*) from outreach_agreement where tenant_id = ?").param(demodorp).query(Long.class)
                .single() > 0) {
            return;
        }
        SystemActor.runAs(demodorp, "demo-loader", () -> {
            UUID partner = jdbc.sql("select id from organisation where tenant_id = ? and type = 'SOCIAL_HOUSING_COMPANY'").param(demodorp)
                    .query(UUID.class).single();
            // Adults of the demo register with a national number, away from the showcase citizens of the other demo data.
            List<Citizen> citizens = jdbc.sql("""
                            select insz, first_name, last_name, birth_date, street, house_number from person
                            where tenant_id = ? and insz is not null and birth_date < ? and created_by = 'demo-loader'
                            and id not in (select person_id from application where tenant_id = ?)
                            order by insz limit 12 offset 30""")
                    .params(demodorp, LocalDate.of(1998, 1, 1), demodorp)
                    .query((rs, i) -> new Citizen(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                            rs.getString(5), rs.getString(6)))
                    .list();
            if (citizens.size() < 12) {
                log.warn("Too few demo citizens for the outreach demo lists ({})", citizens.size());
                return;
            }
            UUID agreement = lists.recordAgreement(partner, PURPOSE, "PUBLIC_TASK",
                    "Decreet lokaal bestuur, art. 2: het OCMW spoort rechthebbenden actief op (fictieve demo-overeenkomst)",
                    List.of(ListType.WAITING_LIST, ListType.RENT_ARREARS), 365, LocalDate.now(clock).minusMonths(6).format(DAY));
            // Windows-1252 with semicolons and decimal commas, as the housing company's spreadsheet exports it.
            StringBuilder waiting = new StringBuilder(
                    "Rijksregisternummer;Naam;Voornaam;Geboortedatum;Straat;Huisnummer;Postcode;Gemeente;Kandidaatnummer;"
                            + "Inschrijvingsdatum;Geen onroerend goed;Geen huurpremie;Huurprijs\r\n");
            for (int i = 0; i < 7; i++) {
                Citizen c = citizens.get(i);
                waiting.append(row(c)).append(";K-DEMO-").append(100 + i).append(';').append(LocalDate.now(clock).minusMonths(3 + i).format(DAY))
                        .append(';').append(i == 5 ? "nee" : "ja").append(';').append(i == 6 ? "nee" : "ja").append(";\"")
                        .append(560 + 35 * i).append(",00\"\r\n");
            }
            lists.importList(agreement, ListType.WAITING_LIST, "wachtlijst-demo.csv", waiting.toString().getBytes(Charset.forName("windows-1252")));
            StringBuilder arrears = new StringBuilder(
                    "Rijksregisternummer;Naam;Voornaam;Geboortedatum;Straat;Huisnummer;Postcode;Gemeente;Contractnummer;Achterstal;"
                            + "Maanden achterstal;Maandhuur\r\n");
            for (int i = 7; i < 12; i++) {
                Citizen c = citizens.get(i);
                arrears.append(row(c)).append(";H-DEMO-").append(200 + i).append(";\"").append(180 + 145 * (i - 6)).append(",50\";")
                        .append(i - 6).append(";\"").append(480 + 20 * i).append(",00\"\r\n");
            }
            // A tenant the register does not know (moved in recently): on the contact list, not linked.
            arrears.append(";Nieuwkomer-Demo;Amira;14/02/1990;Demostraat;3;9990;Demodorp;H-DEMO-299;\"410,00\";2;\"520,00\"\r\n");
            lists.importList(agreement, ListType.RENT_ARREARS, "huurachterstal-demo.csv", arrears.toString().getBytes(Charset.forName("windows-1252")));
            log.info("Demo outreach loaded: agreement with the housing company, a waiting list and a rent-arrears list");
        });
    }

    private static String row(Citizen c) {
        return String.join(";", c.insz(), c.last(), c.first(), c.birth().format(DAY), c.street() == null ? "" : c.street(),
                c.number() == null ? "" : c.number(), "9990", "Demodorp");
    }
}
