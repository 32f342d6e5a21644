package be.loket.outreach.internal;

import be.loket.person.Insz;
import be.loket.person.People;
import be.loket.person.Person;
import be.loket.person.PersonMatch;
import be.loket.platform.Texts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Finds the citizen a list row is about through the person module's audited search: exact on the
 * national number; otherwise a score from name (typos forgiven), birth date and address. Only a
 * near-certain score is accepted without a person looking at it.
 */
@Component
class PersonMatcher {
    /** At or above: the same person (name nearly identical, same birth date, same address). */
    static final double CERTAIN = 0.95;
    /** At or above: perhaps the same person, a worker decides. Below: no candidate. */
    static final double POSSIBLE = 0.5;
    /** People.search returns at most this many citizens. */
    static final int SEARCH_CAP = 50;

    enum Outcome { MATCHED, REVIEW, UNMATCHED }

    record Result(Outcome outcome, UUID personId, UUID candidateId, double score) {
    }

    private final People people;

    PersonMatcher(People people) {
        this.people = people;
    }

    Result match(RowChecker.ParsedRow row) {
        return matchAll(List.of(row)).get(0);
    }

    /**
     * The rows' results in their order. The national numbers of all rows are looked up together (one
     * query per thousand, not one per row: a list of 100,000 rows would otherwise spend most of its
     * import in round trips), and so are the birth days of the rows without a registered number; only
     * rows with neither (allowed on the water company's list) are searched one by one, by name.
     */
    List<Result> matchAll(List<RowChecker.ParsedRow> rows) {
        Map<String, Person> byInsz = people.byInsz(rows.stream().map(r -> r.text(ListField.INSZ)).filter(Objects::nonNull).toList());
        Person[] exact = new Person[rows.size()];
        LocalDate[] birth = new LocalDate[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String insz = rows.get(i).text(ListField.INSZ);
            // RowChecker already gives the national number as its eleven digits, the key byInsz answers with.
            exact[i] = insz == null ? null : byInsz.get(insz);
            if (exact[i] == null) {
                birth[i] = birthDate(rows.get(i));
            }
        }
        // The rows without a registered number: everyone born on their days, in one lookup.
        Map<LocalDate, List<Person>> bornOn = people.bornOn(Arrays.stream(birth).filter(Objects::nonNull).toList());
        List<Result> results = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            RowChecker.ParsedRow row = rows.get(i);
            if (exact[i] != null) {
                results.add(new Result(Outcome.MATCHED, exact[i].id(), null, 1.0));
                continue;
            }
            String name = row.text(ListField.FIRST_NAME) + " " + row.text(ListField.LAST_NAME);
            List<PersonMatch> candidates = birth[i] == null ? people.search(new People.Query(name, null, null))
                    : sameDay(name, bornOn.getOrDefault(birth[i], List.of()), row.text(ListField.POSTAL_CODE));
            results.add(best(row, birth[i], candidates));
        }
        return results;
    }

    private static LocalDate birthDate(RowChecker.ParsedRow row) {
        LocalDate birth = (LocalDate) row.values().get(ListField.BIRTH_DATE);
        String insz = row.text(ListField.INSZ);
        return birth != null || insz == null ? birth : Insz.parse(insz).flatMap(Insz::birthDate).orElse(null);
    }

    private Result best(RowChecker.ParsedRow row, LocalDate birthDate, List<PersonMatch> candidates) {
        String insz = row.text(ListField.INSZ);
        var best = candidates.stream()
                // A citizen with another national number is someone else, however alike the names.
                .filter(m -> insz == null || m.person().insz() == null || m.person().insz().equals(insz))
                .map(m -> new Scored(m.person(), score(m, row, birthDate)))
                .max(Comparator.comparingDouble(Scored::score));
        if (best.isEmpty() || best.get().score() < POSSIBLE) {
            return new Result(Outcome.UNMATCHED, null, null, best.map(Scored::score).orElse(0.0));
        }
        Scored b = best.get();
        return b.score() >= CERTAIN ? new Result(Outcome.MATCHED, b.person().id(), null, b.score())
                : new Result(Outcome.REVIEW, null, b.person().id(), b.score());
    }

    private record Scored(Person person, double score) {
    }

    /**
     * The citizens born that day (an indexed lookup, a few dozen people even in a big city), narrowed to
     * the postal code when there are many, with the name scored here; the person module's trigram name
     * search is only used without a birth date, as it is much slower on a large register (docs/benchmarks.md).
     */
    private static List<PersonMatch> sameDay(String name, List<Person> born, String postalCode) {
        List<Person> near = born.size() >= SEARCH_CAP && postalCode != null
                ? born.stream().filter(p -> postalCode.equals(p.postalCode())).toList() : born;
        return near.stream().map(p -> new PersonMatch(p, NameScore.of(name, p.firstName() + " " + p.lastName()))).toList();
    }

    /** Half the weight on the name, three tenths on the birth date, one fifth on the address. */
    static double score(PersonMatch m, RowChecker.ParsedRow row, LocalDate birth) {
        double birthScore = birth == null || m.person().birthDate() == null ? 0.5 : birth.equals(m.person().birthDate()) ? 1 : 0;
        return round(0.5 * Math.min(1.0, m.score()) + 0.3 * birthScore + 0.2 * address(m.person(), row));
    }

    static double address(Person p, RowChecker.ParsedRow row) {
        String postal = row.text(ListField.POSTAL_CODE);
        String street = row.text(ListField.STREET);
        String number = row.text(ListField.HOUSE_NUMBER);
        if (postal == null && street == null) {
            return 0.5;
        }
        double s = 0;
        if (postal != null && postal.equals(p.postalCode())) {
            s += 0.4;
        }
        if (street != null && Texts.fold(street).equals(Texts.fold(p.street()))) {
            s += 0.4;
        }
        if (number != null && Objects.equals(Texts.fold(number), Texts.fold(p.houseNumber()))) {
            s += 0.2;
        }
        return s;
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
