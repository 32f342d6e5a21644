package be.loket.demo;

import be.loket.identity.Directory;
import be.loket.identity.OrganisationType;
import be.loket.identity.Provisioning;
import be.loket.identity.SiteKind;
import be.loket.identity.Tenant;
import be.loket.person.HouseholdRelation;
import be.loket.person.Households;
import be.loket.person.Insz;
import be.loket.person.People;
import be.loket.person.PersonDetails;
import be.loket.platform.Role;
import be.loket.platform.SystemActor;
import be.loket.platform.Texts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo world once, on the first start against an empty database. All names, addresses,
 * phone numbers and e-mail addresses are invented (example.org, 0499 00 numbers).
 */
@Component
class DemoData {
    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Provisioning provisioning;
    private final Directory directory;
    private final People people;
    private final Households households;
    private final TransactionTemplate tx;

    DemoData(Provisioning provisioning, Directory directory, People people, Households households, TransactionTemplate tx) {
        this.provisioning = provisioning;
        this.directory = directory;
        this.people = people;
        this.households = households;
        this.tx = tx;
    }

    /** Ids of what was created, for demo data of later modules. */
    record World(UUID demodorp, UUID voorbeeldegem, Map<String, UUID> organisations, Map<String, UUID> users) {
    }

    boolean loaded() {
        return directory.tenantByCode("demodorp").isPresent();
    }

    void load() {
        tx.executeWithoutResult(status -> {
            UUID association = provisioning.tenant("demoland", "Welzijnsvereniging Demoland", Tenant.Kind.ASSOCIATION, null);
            UUID demodorp = provisioning.tenant("demodorp", "Demodorp", Tenant.Kind.MUNICIPALITY, association);
            UUID voorbeeldegem = provisioning.tenant("voorbeeldegem", "Voorbeeldegem", Tenant.Kind.MUNICIPALITY, association);
            Map<String, UUID> orgsD = organisations(demodorp, "Demodorp");
            Map<String, UUID> orgsV = organisations(voorbeeldegem, "Voorbeeldegem");
            sites(demodorp, "Demodorp", "9990", "Kleinebeek");
            sites(voorbeeldegem, "Voorbeeldegem", "9991", "Achterhoek");
            user(demodorp, orgsD, "FRONT_DESK", "demo-frontdesk", "Lotte Vandenbempt", Role.FRONT_DESK);
            user(demodorp, orgsD, "SOCIAL_SERVICE", "demo-socialworker", "Samira Bouhaddi", Role.SOCIAL_WORKER);
            user(demodorp, orgsD, "SOCIAL_SERVICE", "demo-socialworker-b", "Pieter-Jan Vervaeke", Role.SOCIAL_WORKER);
            user(demodorp, orgsD, "ENERGY_WATER_CELL", "demo-specialist", "Ewa Kowalczyk", Role.SPECIALIST);
            user(demodorp, orgsD, "SOCIAL_SERVICE", "demo-teamlead", "Griet Van Hoorebeke", Role.TEAM_LEAD, Role.SOCIAL_WORKER);
            user(demodorp, orgsD, "DEBT_MEDIATION", "demo-partner", "Jonas Mbala", Role.PARTNER);
            user(demodorp, orgsD, "SOCIAL_SERVICE", "demo-committee", "Marc Dewilde", Role.COMMITTEE);
            user(demodorp, orgsD, "ADMINISTRATION", "demo-admin", "Hilde Blommaert", Role.ADMIN);
            user(voorbeeldegem, orgsV, "SOCIAL_SERVICE", "demo-socialworker-v", "Youssef El Khattabi", Role.SOCIAL_WORKER);
            SystemActor.runAs(demodorp, "demo-loader", () -> citizens(new Random(20261123L), "Demodorp", "9990", 220, true));
            SystemActor.runAs(voorbeeldegem, "demo-loader", () -> citizens(new Random(19991231L), "Voorbeeldegem", "9991", 80, false));
        });
        log.info("Demo data loaded: municipalities demodorp and voorbeeldegem with about 300 citizens");
    }

    private Map<String, UUID> organisations(UUID tenant, String town) {
        Map<String, UUID> ids = new HashMap<>();
        String mail = town.toLowerCase();
        ids.put("SOCIAL_SERVICE", provisioning.organisation(tenant, "Sociale dienst " + town, OrganisationType.SOCIAL_SERVICE,
                "sociale.dienst@" + mail + ".example.org", "099 00 10 00"));
        ids.put("FRONT_DESK", provisioning.organisation(tenant, "Onthaal Sociaal Huis " + town, OrganisationType.FRONT_DESK,
                "onthaal@" + mail + ".example.org", "099 00 10 01"));
        ids.put("HOUSING_SERVICE", provisioning.organisation(tenant, "Woondienst " + town, OrganisationType.HOUSING_SERVICE,
                "wonen@" + mail + ".example.org", "099 00 10 02"));
        ids.put("ENERGY_WATER_CELL", provisioning.organisation(tenant, "Cel energie en water " + town,
                OrganisationType.ENERGY_WATER_CELL, "energie@" + mail + ".example.org", "099 00 10 03"));
        ids.put("ADMINISTRATION", provisioning.organisation(tenant, "Administratie " + town, OrganisationType.ADMINISTRATION,
                "ict@" + mail + ".example.org", null));
        ids.put("SOCIAL_HOUSING_COMPANY", provisioning.organisation(tenant, "Woonmaatschappij Demoland",
                OrganisationType.SOCIAL_HOUSING_COMPANY, "kandidaten@woonmaatschappij.example.org", "099 00 20 00"));
        ids.put("DEBT_MEDIATION", provisioning.organisation(tenant, "Schuldbemiddeling CAW Demoland",
                OrganisationType.DEBT_MEDIATION, "schulden@caw-demoland.example.org", "099 00 20 01"));
        ids.put("ENERGY_SCANNER", provisioning.organisation(tenant, "Energiesnoeiers Demoland", OrganisationType.ENERGY_SCANNER,
                "scan@energiesnoeiers.example.org", "099 00 20 02"));
        ids.put("WATER_COMPANY", provisioning.organisation(tenant, "Demowater", OrganisationType.WATER_COMPANY,
                "sociaal@demowater.example.org", "099 00 20 03"));
        ids.put("TENANTS_UNION", provisioning.organisation(tenant, "Huurdersbond Demoland", OrganisationType.TENANTS_UNION,
                "info@huurdersbond.example.org", "099 00 20 04"));
        return ids;
    }

    private void sites(UUID tenant, String town, String postal, String deelgemeente) {
        provisioning.site(tenant, "Sociaal Huis " + town, SiteKind.MAIN_OFFICE, "Marktplein 1", postal, town,
                "ma-vr 9-12, di 14-19");
        provisioning.site(tenant, "Antennepunt " + town + "-Noord", SiteKind.ANTENNA, "Stationsstraat 40", postal, town,
                "wo 9-12");
        provisioning.site(tenant, "Zitdag " + deelgemeente, SiteKind.OFFICE_DAY, "Dorpsplein 3", postal, deelgemeente,
                "1e donderdag van de maand 9-11");
    }

    private void user(UUID tenant, Map<String, UUID> orgs, String org, String username, String name, Role... roles) {
        provisioning.user(tenant, orgs.get(org), username, name, PASSWORD, Set.copyOf(EnumSet.of(roles[0], roles)));
    }

    // Common surnames and first names of several origins; the combinations, dates and addresses are invented.
    private static final String[][] FAMILIES = {
            {"Peeters", "Tom", "An", "Lotte", "Wout"}, {"Janssens", "Koen", "Els", "Noor", "Lars"},
            {"Maes", "Bart", "Sofie", "Emma", "Jules"}, {"Claes", "Dirk", "Veerle", "Fien", "Mats"},
            {"Goossens", "Geert", "Katrien", "Lien", "Seppe"}, {"Wouters", "Luc", "Inge", "Marie", "Arne"},
            {"De Smet", "Johan", "Hilde", "Ella", "Vic"}, {"Vermeulen", "Stijn", "Tine", "Nore", "Rune"},
            {"Van den Broeck", "Wim", "Ilse", "Lore", "Kobe"}, {"Mertens", "Patrick", "Nathalie", "Hanne", "Tibo"},
            {"Öztürk", "Mehmet", "Ayşe", "Elif", "Emir"}, {"Yılmaz", "Mustafa", "Fatma", "Zeynep", "Yusuf"},
            {"Çelik", "Hasan", "Emine", "Defne", "Kerem"}, {"Demir", "Ali", "Hatice", "Ecrin", "Eymen"},
            {"El Amrani", "Mohamed", "Fatima", "Salma", "Adam"}, {"Benali", "Karim", "Naima", "Yasmine", "Ilyas"},
            {"Bouzid", "Rachid", "Khadija", "Imane", "Rayan"}, {"El Idrissi", "Hamid", "Malika", "Aya", "Anas"},
            {"Kowalski", "Piotr", "Agnieszka", "Zuzanna", "Jakub"}, {"Nowak", "Tomasz", "Katarzyna", "Julia", "Antoni"},
            {"Mbuyi", "Jean-Pierre", "Thérèse", "Grâce", "Dieudonné"}, {"Kabongo", "Patrice", "Odette", "Merveille", "Exaucé"},
            {"Popescu", "Ion", "Maria", "Ioana", "Andrei"}, {"Ionescu", "Mihai", "Elena", "Ana", "Luca"},
            {"Haddad", "Omar", "Rania", "Lina", "Karam"}, {"Ahmadi", "Farid", "Zahra", "Mariam", "Ahmad"},
            {"Rossi", "Marco", "Giulia", "Chiara", "Matteo"}, {"Dubois", "François", "Sylvie", "Camille", "Louis"},
            {"Nguyen", "Minh", "Lan", "Linh", "Bao"}, {"Tesfaye", "Dawit", "Selam", "Hanna", "Abel"}};
    private static final String[] STREETS = {"Kerkstraat", "Molenstraat", "Schoolstraat", "Beekstraat", "Lindenlaan",
            "Nieuwstraat", "Kapelstraat", "Bergstraat", "Veldstraat", "Populierenlaan", "Hoogstraat", "Meersstraat"};

    private void citizens(Random random, String town, String postal, int target, boolean showcase) {
        int created = 0;
        int sequence = 1;
        int familyIndex = showcase ? 10 : 15; // Demodorp starts with the Öztürk family of the showcase citizen
        while (created < target) {
            String[] family = FAMILIES[familyIndex % FAMILIES.length];
            familyIndex += showcase ? 1 : 7;
            String street = STREETS[random.nextInt(STREETS.length)];
            String number = String.valueOf(1 + random.nextInt(180));
            int kind = random.nextInt(10);
            List<Households.MemberCommand> members = new ArrayList<>();
            int adultAge = 22 + random.nextInt(55);
            LocalDate firstBirth = LocalDate.of(2026 - adultAge, 1 + random.nextInt(12), 1 + random.nextInt(28));
            String firstName = family[1 + random.nextInt(2)];
            if (showcase && created == 0) {
                // A fixed citizen the README and the browser test refer to.
                firstName = "Ayşe";
                firstBirth = LocalDate.of(1984, 3, 12);
                street = "Kerkstraat";
                number = "12";
                kind = 3;
            }
            members.add(new Households.MemberCommand(person(random, firstName, family[0], firstBirth, sequence++, street, number,
                    postal, town), HouseholdRelation.REFERENCE_PERSON));
            created++;
            if (kind >= 4) { // a couple
                String partnerFamily = random.nextBoolean() ? family[0] : FAMILIES[random.nextInt(FAMILIES.length)][0];
                String partnerName = firstName.equals(family[1]) ? family[2] : family[1];
                members.add(new Households.MemberCommand(person(random, partnerName, partnerFamily,
                        firstBirth.plusDays(random.nextInt(2000) - 1000), sequence++, street, number, postal, town),
                        HouseholdRelation.PARTNER));
                created++;
            }
            int children = kind <= 1 ? 0 : random.nextInt(4);
            for (int c = 0; c < children && adultAge > 24; c++) {
                LocalDate birth = firstBirth.plusYears(22 + random.nextInt(Math.max(1, Math.min(20, adultAge - 22))))
                        .plusDays(random.nextInt(300));
                if (birth.isAfter(LocalDate.of(2026, 1, 1))) {
                    continue;
                }
                // The third and later children take a name from another family so siblings never share a first name.
                String childName = c < 2 ? family[3 + c] : FAMILIES[random.nextInt(FAMILIES.length)][3 + (c % 2)];
                members.add(new Households.MemberCommand(person(random, childName, family[0], birth, sequence++, street,
                        number, postal, town), HouseholdRelation.CHILD));
                created++;
            }
            households.create(null, members);
        }
    }

    private UUID person(Random random, String first, String last, LocalDate birth, int sequence, String street, String number,
            String postal, String town) {
        boolean adult = birth.isBefore(LocalDate.of(2008, 1, 1));
        String phone = adult && random.nextInt(10) < 8 ? String.format("0499 00 %02d %02d", sequence / 100 % 100, sequence % 100) : null;
        String email = adult && random.nextInt(10) < 5
                ? Texts.fold(first + "." + last).replace(' ', '.') + sequence + "@example.org" : null;
        String channel = phone != null && random.nextInt(3) == 0 ? "SMS" : email != null && random.nextBoolean() ? "EMAIL" : "LETTER";
        String language = last.equals("Dubois") || last.equals("Mbuyi") || last.equals("Kabongo") ? "fr"
                : random.nextInt(12) == 0 ? "en" : "nl";
        boolean interpreter = !language.equals("nl") && random.nextInt(4) == 0;
        String insz = random.nextInt(10) < 9 ? Insz.of(birth, 2 * (sequence % 498) + 1).digits() : null;
        return people.create(new PersonDetails(first, last, birth.toString(), insz, street, number, null, postal, town, phone,
                email, channel, language, interpreter, interpreter ? (language.equals("fr") ? "Frans" : "Engels") : null), true);
    }
}
