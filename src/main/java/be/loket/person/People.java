package be.loket.person;

import be.loket.audit.AuditLog;
import be.loket.person.internal.NameGrams;
import be.loket.person.internal.NameSimilarity;
import be.loket.platform.Actor;
import be.loket.platform.Chunks;
import be.loket.platform.CurrentActor;
import be.loket.platform.EmailAddresses;
import be.loket.platform.NotFoundException;
import be.loket.platform.Role;
import be.loket.platform.StaleVersionException;
import be.loket.platform.Texts;
import be.loket.platform.Validation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding, registering and changing citizens of the acting user's municipality. Every read and write
 * is audited; a citizen of another municipality is simply not found.
 */
@Service
@Transactional
public class People {
    public static final Set<String> LANGUAGES = Set.of("nl", "fr", "en");
    private static final int MAX_RESULTS = 50;
    private static final double DUPLICATE_SCORE = 0.8;
    private static final DateTimeFormatter[] DATE_FORMATS = {
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT)};

    /** What to look for; every part is optional, and given parts must all match. */
    public record Query(String text, LocalDate birthDate, String address) {
        public static Query of(String text) {
            return new Query(text, null, null);
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    People(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** One citizen of the acting user's tenant; audited as a read. */
    public Person get(UUID id) {
        Person p = load(readableTenant(), id).orElseThrow(() -> new NotFoundException("Person"));
        audit.write(AuditLog.Action.READ, "PERSON", id, null);
        return p;
    }

    /**
     * Search by national number, by name (accents, case and small typos forgiven), by birth date and by
     * address. Free text that is a national number or a date is treated as such.
     */
    public List<PersonMatch> search(Query query) {
        UUID tenant = readableTenant();
        String text = Texts.trimToNull(query.text());
        LocalDate birthDate = query.birthDate();
        String name = null;
        List<PersonMatch> result;
        if (text != null && Insz.parse(text).isPresent()) {
            String insz = Insz.parse(text).get().digits();
            result = jdbc.sql("select * from person where tenant_id = ? and insz = ?").params(tenant, insz)
                    .query(People::person).list().stream().map(p -> new PersonMatch(p, 1.0)).toList();
        } else {
            if (text != null) {
                Optional<LocalDate> asDate = parseDate(text);
                if (asDate.isPresent()) {
                    birthDate = asDate.get();
                } else {
                    name = text;
                }
            }
            result = find(tenant, name, birthDate, Texts.trimToNull(query.address()));
        }
        audit.writeAbout(AuditLog.Action.SEARCH, "PERSON", ids(result), "results=" + result.size());
        return result;
    }

    /** How many national numbers {@link #byInsz} looks up per query. */
    static final int LOOKUP_CHUNK = 1000;

    /**
     * The citizens with these national numbers, by number (digits only; numbers that do not parse or
     * are not registered are left out). For matching a partner list: one query per thousand numbers
     * instead of one search per row, audited as one search per query as {@link #search} is, naming the
     * citizens found so that each one's trail shows the lookup (ADR 0011).
     */
    public java.util.Map<String, Person> byInsz(java.util.Collection<String> numbers) {
        UUID tenant = readableTenant();
        List<String> digits = numbers.stream().map(n -> n == null ? null : Insz.parse(n).map(Insz::digits).orElse(null))
                .filter(java.util.Objects::nonNull).distinct().toList();
        java.util.Map<String, Person> found = new java.util.HashMap<>();
        for (List<String> chunk : Chunks.of(digits, LOOKUP_CHUNK)) {
            List<Person> people = jdbc.sql("select * from person where tenant_id = :tenant and insz in (:numbers)")
                    .param("tenant", tenant).param("numbers", chunk).query(People::person).list();
            people.forEach(p -> found.put(p.insz(), p));
            audit.writeAbout(AuditLog.Action.SEARCH, "PERSON", people.stream().map(Person::id).toList(),
                    "national numbers=" + chunk.size() + " results=" + people.size());
        }
        return found;
    }

    /**
     * The citizens born on each of these days, by day: candidates for matching list rows that carry no
     * registered national number. One query per thousand days, audited as one search per query that
     * names the citizens found.
     */
    public java.util.Map<LocalDate, List<Person>> bornOn(java.util.Collection<LocalDate> days) {
        UUID tenant = readableTenant();
        List<LocalDate> distinct = days.stream().filter(java.util.Objects::nonNull).distinct().toList();
        java.util.Map<LocalDate, List<Person>> found = new java.util.HashMap<>();
        for (List<LocalDate> chunk : Chunks.of(distinct, LOOKUP_CHUNK)) {
            List<Person> people = jdbc.sql("select * from person where tenant_id = :tenant and birth_date in (:days)")
                    .param("tenant", tenant).param("days", chunk).query(People::person).list();
            people.forEach(p -> found.computeIfAbsent(p.birthDate(), d -> new ArrayList<>()).add(p));
            audit.writeAbout(AuditLog.Action.SEARCH, "PERSON", people.stream().map(Person::id).toList(),
                    "birth dates=" + chunk.size() + " results=" + people.size());
        }
        return found;
    }

    private List<PersonMatch> find(UUID tenant, String name, LocalDate birthDate, String address) {
        if (name == null && birthDate == null && address == null) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select p.* from person p");
        var params = new java.util.LinkedHashMap<String, Object>();
        params.put("tenant", tenant);
        if (name != null) {
            Set<String> grams = NameGrams.of(name);
            if (grams.isEmpty()) {
                return List.of();
            }
            // Candidates share at least a third of the typed grams; exact scoring happens below.
            sql.append(" join (select person_id, count(*) as hits from person_name_gram where tenant_id = :tenant"
                    + " and gram in (:grams) group by person_id having count(*) >= :minHits) g on g.person_id = p.id");
            params.put("grams", grams);
            params.put("minHits", Math.max(1, grams.size() / 3));
        }
        sql.append(" where p.tenant_id = :tenant");
        if (birthDate != null) {
            sql.append(" and p.birth_date = :birthDate");
            params.put("birthDate", birthDate);
        }
        if (address != null) {
            sql.append(" and p.search_address like :address");
            params.put("address", "%" + Texts.fold(address) + "%");
        }
        sql.append(name != null ? " order by g.hits desc" : " order by p.search_name").append(" limit 500");
        List<Person> candidates = jdbc.sql(sql.toString()).params(params).query(People::person).list();
        List<PersonMatch> matches = new ArrayList<>();
        for (Person p : candidates) {
            double score = name == null ? 1.0 : NameSimilarity.score(name, p.firstName() + " " + p.lastName());
            if (score > 0) {
                matches.add(new PersonMatch(p, score));
            }
        }
        matches.sort(Comparator.comparingDouble(PersonMatch::score).reversed()
                .thenComparing(m -> Texts.fold(m.person().lastName()))
                .thenComparing(m -> Texts.fold(m.person().firstName())));
        return matches.size() > MAX_RESULTS ? List.copyOf(matches.subList(0, MAX_RESULTS)) : matches;
    }

    /**
     * Citizens who are probably the one being registered: same name (allowing typos) and no conflicting
     * birth date. The user is shown them, so finding any is audited as a search naming them.
     */
    public List<PersonMatch> likelyDuplicates(PersonDetails d) {
        UUID tenant = writableTenant();
        if (Texts.trimToNull(d.firstName()) == null || Texts.trimToNull(d.lastName()) == null) {
            return List.of();
        }
        LocalDate birth = parseDate(d.birthDate()).orElse(null);
        List<PersonMatch> candidates = find(tenant, d.firstName() + " " + d.lastName(), null, null).stream()
                .filter(m -> m.score() >= DUPLICATE_SCORE)
                .filter(m -> birth == null || m.person().birthDate() == null || birth.equals(m.person().birthDate()))
                .toList();
        if (!candidates.isEmpty()) {
            audit.writeAbout(AuditLog.Action.SEARCH, "PERSON", ids(candidates), "likely duplicates=" + candidates.size());
        }
        return candidates;
    }

    private static List<UUID> ids(List<PersonMatch> matches) {
        return matches.stream().map(m -> m.person().id()).toList();
    }

    /**
     * Registers a citizen. Unless the user confirmed that the likely duplicates are other people,
     * a {@link LikelyDuplicateException} lists them and nothing is saved but the audit event of that
     * read: the transaction commits on this exception (nothing else was written before it).
     */
    @Transactional(noRollbackFor = LikelyDuplicateException.class)
    public UUID create(PersonDetails details, boolean confirmedNotDuplicate) {
        Actor actor = CurrentActor.get();
        UUID tenant = writableTenant();
        Clean c = validate(tenant, null, details);
        if (!confirmedNotDuplicate) {
            List<PersonMatch> dups = likelyDuplicates(details);
            if (!dups.isEmpty()) {
                throw new LikelyDuplicateException(dups);
            }
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into person (id, tenant_id, first_name, last_name, birth_date, insz, street, house_number, box, postal_code,
                    city, phone, email, preferred_channel, language, needs_interpreter, interpreter_language, search_name,
                    search_address, version, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""")
                .params(id, tenant, c.firstName, c.lastName, c.birthDate, c.insz, c.street, c.houseNumber, c.box, c.postalCode,
                        c.city, c.phone, c.email, c.channel.name(), c.language, c.needsInterpreter, c.interpreterLanguage,
                        c.searchName(), c.searchAddress(), now, actor.username(), now, actor.username())
                .update();
        indexName(tenant, id, c);
        audit.write(AuditLog.Action.CREATE, "PERSON", id, null);
        return id;
    }

    /** Changes a citizen; a stale version (someone saved in between) is refused and nothing changes. */
    public void update(UUID id, long version, PersonDetails details) {
        Actor actor = CurrentActor.get();
        UUID tenant = writableTenant();
        Person before = load(tenant, id).orElseThrow(() -> new NotFoundException("Person"));
        Clean c = validate(tenant, id, details);
        int rows = jdbc.sql("""
                update person set first_name = ?, last_name = ?, birth_date = ?, insz = ?, street = ?, house_number = ?, box = ?,
                    postal_code = ?, city = ?, phone = ?, email = ?, preferred_channel = ?, language = ?, needs_interpreter = ?,
                    interpreter_language = ?, search_name = ?, search_address = ?, version = version + 1, updated_at = ?, updated_by = ?
                where id = ? and tenant_id = ? and version = ?""")
                .params(c.firstName, c.lastName, c.birthDate, c.insz, c.street, c.houseNumber, c.box, c.postalCode, c.city,
                        c.phone, c.email, c.channel.name(), c.language, c.needsInterpreter, c.interpreterLanguage,
                        c.searchName(), c.searchAddress(), OffsetDateTime.now(clock), actor.username(), id, tenant, version)
                .update();
        if (rows == 0) {
            throw new StaleVersionException("Person");
        }
        jdbc.sql("delete from person_name_gram where person_id = ?").param(id).update();
        indexName(tenant, id, c);
        audit.write(AuditLog.Action.UPDATE, "PERSON", id, "changed=" + changedFields(before, c));
    }

    /** Names of citizens for lists elsewhere (dossiers, worklists) without a full read; not found ones are left out. */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, String> names(java.util.Collection<UUID> ids) {
        var names = new java.util.HashMap<UUID, String>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, first_name, last_name from person where tenant_id = :tenant and id in (:ids)")
                .param("tenant", CurrentActor.get().tenantId()).param("ids", ids)
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("first_name") + " " + rs.getString("last_name"));
                });
        return names;
    }

    Optional<Person> load(UUID tenant, UUID id) {
        return jdbc.sql("select * from person where id = ? and tenant_id = ?").params(id, tenant).query(People::person).optional();
    }

    /** Partners never browse the citizen register; they see citizens only through dossiers shared with them. */
    private static UUID readableTenant() {
        Actor actor = CurrentActor.get();
        if (actor.roles().stream().noneMatch(Role::isOwnService)) {
            throw new NotFoundException("Person");
        }
        return actor.tenantId();
    }

    private static UUID writableTenant() {
        Actor actor = CurrentActor.get();
        if (!actor.hasAny(Role.FRONT_DESK, Role.SOCIAL_WORKER, Role.SPECIALIST, Role.TEAM_LEAD)) {
            throw new AccessDeniedException("person write");
        }
        return actor.tenantId();
    }

    private void indexName(UUID tenant, UUID id, Clean c) {
        for (String gram : NameGrams.of(c.firstName + " " + c.lastName)) {
            jdbc.sql("insert into person_name_gram (tenant_id, person_id, gram) values (?, ?, ?)").params(tenant, id, gram).update();
        }
    }

    private record Clean(String firstName, String lastName, LocalDate birthDate, String insz, String street,
            String houseNumber, String box, String postalCode, String city, String phone, String email,
            ContactChannel channel, String language, boolean needsInterpreter, String interpreterLanguage) {
        String searchName() {
            return Texts.fold(firstName + " " + lastName);
        }

        String searchAddress() {
            String a = Texts.fold(String.join(" ", nz(street), nz(houseNumber), nz(postalCode), nz(city)));
            return a.isEmpty() ? null : a;
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }

    private Clean validate(UUID tenant, UUID self, PersonDetails d) {
        var v = new Validation()
                .required("firstName", d.firstName()).maxLength("firstName", d.firstName(), 100)
                .required("lastName", d.lastName()).maxLength("lastName", d.lastName(), 100)
                .maxLength("street", d.street(), 200).maxLength("houseNumber", d.houseNumber(), 20)
                .maxLength("box", d.box(), 20).maxLength("city", d.city(), 100)
                .maxLength("phone", d.phone(), 40).maxLength("email", d.email(), 254)
                .maxLength("interpreterLanguage", d.interpreterLanguage(), 60);
        LocalDate birth = null;
        String birthText = Texts.trimToNull(d.birthDate());
        if (birthText != null) {
            birth = parseDate(birthText).orElse(null);
            if (birth == null) {
                v.add("birthDate", "validation.date");
            } else if (birth.isAfter(LocalDate.now(clock))) {
                v.add("birthDate", "person.birthDate.future");
            } else if (birth.isBefore(LocalDate.of(1890, 1, 1))) {
                v.add("birthDate", "person.birthDate.tooOld");
            }
        }
        String insz = null;
        String inszText = Texts.trimToNull(d.insz());
        if (inszText != null) {
            Optional<Insz> parsed = Insz.parse(inszText, LocalDate.now(clock));
            if (parsed.isEmpty()) {
                v.add("insz", "person.insz.invalid");
            } else {
                insz = parsed.get().digits();
                Optional<LocalDate> encoded = parsed.get().birthDate();
                if (birth != null && encoded.isPresent() && !encoded.get().equals(birth)) {
                    v.add("insz", "person.insz.birthDateMismatch");
                } else if (jdbc.sql("select count(*) from person where tenant_id = ? and insz = ? and (cast(? as uuid) is null or id <> ?)")
                        .params(tenant, insz, self, self).query(Long.class).single() > 0) {
                    v.add("insz", "person.insz.taken");
                }
            }
        }
        String postal = Texts.trimToNull(d.postalCode());
        if (postal != null && !postal.matches("\\d{4}")) {
            v.add("postalCode", "person.postalCode.invalid");
        }
        String phone = Texts.trimToNull(d.phone());
        if (phone != null && !v.hasErrorOn("phone")
                && (!phone.matches("[+0-9 ./()\\-]+") || phone.replaceAll("\\D", "").length() < 8)) {
            v.add("phone", "validation.phone");
        }
        String email = Texts.trimToNull(d.email());
        if (email != null && !v.hasErrorOn("email") && !EmailAddresses.plausible(email)) {
            v.add("email", "validation.email");
        }
        ContactChannel channel = ContactChannel.LETTER;
        String channelText = Texts.trimToNull(d.preferredChannel());
        if (channelText != null) {
            try {
                channel = ContactChannel.valueOf(channelText);
            } catch (IllegalArgumentException e) {
                v.add("preferredChannel", "validation.choice");
            }
        }
        if (channel == ContactChannel.EMAIL && email == null) {
            v.add("preferredChannel", "person.preferredChannel.needsEmail");
        }
        if ((channel == ContactChannel.SMS || channel == ContactChannel.PHONE) && phone == null) {
            v.add("preferredChannel", "person.preferredChannel.needsPhone");
        }
        String language = Optional.ofNullable(Texts.trimToNull(d.language())).orElse("nl");
        if (!LANGUAGES.contains(language)) {
            v.add("language", "validation.language");
        }
        v.throwIfInvalid();
        return new Clean(d.firstName().strip(), d.lastName().strip(), birth, insz, Texts.trimToNull(d.street()),
                Texts.trimToNull(d.houseNumber()), Texts.trimToNull(d.box()), postal, Texts.trimToNull(d.city()), phone, email,
                channel, language, Boolean.TRUE.equals(d.needsInterpreter()), Texts.trimToNull(d.interpreterLanguage()));
    }

    /** Parses the date formats people type: 2023-03-15, 15/3/2023, 15-03-2023, 15.03.2023. */
    public static Optional<LocalDate> parseDate(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        // The separator tells the format, so a list of 100,000 dates does not throw an exception per wrong guess.
        DateTimeFormatter f = t.indexOf('/') > 0 ? DATE_FORMATS[1] : t.indexOf('.') > 0 ? DATE_FORMATS[3]
                : t.indexOf('-') == 4 ? DATE_FORMATS[0] : t.indexOf('-') > 0 ? DATE_FORMATS[2] : null;
        if (f == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(t, f));
        } catch (DateTimeParseException impossible) {
            return Optional.empty();
        }
    }

    private static List<String> changedFields(Person b, Clean c) {
        List<String> changed = new ArrayList<>();
        diff(changed, "firstName", b.firstName(), c.firstName);
        diff(changed, "lastName", b.lastName(), c.lastName);
        diff(changed, "birthDate", b.birthDate(), c.birthDate);
        diff(changed, "insz", b.insz(), c.insz);
        diff(changed, "address", List.of(String.valueOf(b.street()), String.valueOf(b.houseNumber()), String.valueOf(b.box()),
                String.valueOf(b.postalCode()), String.valueOf(b.city())), List.of(String.valueOf(c.street),
                String.valueOf(c.houseNumber), String.valueOf(c.box), String.valueOf(c.postalCode), String.valueOf(c.city)));
        diff(changed, "phone", b.phone(), c.phone);
        diff(changed, "email", b.email(), c.email);
        diff(changed, "preferredChannel", b.preferredChannel(), c.channel);
        diff(changed, "language", b.language(), c.language);
        diff(changed, "needsInterpreter", b.needsInterpreter(), c.needsInterpreter);
        diff(changed, "interpreterLanguage", b.interpreterLanguage(), c.interpreterLanguage);
        return changed;
    }

    private static void diff(List<String> changed, String field, Object before, Object after) {
        if (!java.util.Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    static Person person(ResultSet rs, int row) throws SQLException {
        return new Person(rs.getObject("id", UUID.class), rs.getString("first_name"), rs.getString("last_name"),
                rs.getObject("birth_date", LocalDate.class), rs.getString("insz"), rs.getString("street"),
                rs.getString("house_number"), rs.getString("box"), rs.getString("postal_code"), rs.getString("city"),
                rs.getString("phone"), rs.getString("email"), ContactChannel.valueOf(rs.getString("preferred_channel")),
                rs.getString("language"), rs.getBoolean("needs_interpreter"), rs.getString("interpreter_language"),
                rs.getLong("version"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"));
    }
}
