package be.loket.letters.internal;

import be.loket.applications.ApplicationDecided;
import be.loket.applications.ApplicationView;
import be.loket.applications.Applications;
import be.loket.applications.DecisionOutcome;
import be.loket.applications.ProofsReminderDue;
import be.loket.applications.ProofsRequested;
import be.loket.applications.ReminderDue;
import be.loket.eligibility.Eligibility;
import be.loket.eligibility.LocalizedText;
import be.loket.eligibility.Right;
import be.loket.letters.LetterDispatch;
import be.loket.letters.LetterOrder;
import be.loket.letters.LetterSent;
import be.loket.person.People;
import be.loket.person.Person;
import be.loket.platform.SystemActor;
import be.loket.platform.Times;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends the letters that follow from applications: the decision letter (granted, refused, postponed),
 * the request for the proofs still missing (ADR 0511), its reminder after the deadline (ADR 0512) and the reminders (a missing monthly proof, the renewal). Each listener runs after the decision or
 * reminder committed, in a transaction of its own, as the system user of the application's
 * municipality (ADR 0505): a failure can never undo the decision, and the event publication stays
 * incomplete in the registry to be delivered again. The letter's reference makes a second delivery
 * send nothing.
 */
@Component
class DecisionLetters {
    static final String SYSTEM_USER = "letters";
    /** Rights with their own, more concrete decision letters (seed 004's rent allowance). */
    private static final Set<String> RENT_ALLOWANCE = Set.of("huurtoelage");

    private final Applications applications;
    private final People people;
    private final Eligibility eligibility;
    private final LetterDispatch dispatch;
    private final LetterValues values;
    private final int postponedDays;

    DecisionLetters(Applications applications, People people, Eligibility eligibility, LetterDispatch dispatch, LetterValues values,
            @Value("${loket.letters.postponed-deadline-days:30}") int postponedDays) {
        this.applications = applications;
        this.people = people;
        this.eligibility = eligibility;
        this.dispatch = dispatch;
        this.values = values;
        this.postponedDays = postponedDays;
    }

    @ApplicationModuleListener
    void on(ApplicationDecided decided) {
        SystemActor.runAs(decided.tenantId(), SYSTEM_USER, () -> send(decided));
    }

    @ApplicationModuleListener
    void on(ReminderDue due) {
        SystemActor.runAs(due.tenantId(), SYSTEM_USER, () -> remind(due));
    }

    @ApplicationModuleListener
    void on(ProofsRequested requested) {
        SystemActor.runAs(requested.tenantId(), SYSTEM_USER, () -> askForProofs(requested));
    }

    @ApplicationModuleListener
    void on(ProofsReminderDue due) {
        SystemActor.runAs(due.tenantId(), SYSTEM_USER, () -> remindOfProofs(due));
    }

    /** What the citizen still has to send, by when and how; one letter per request (the application's version). */
    LetterSent askForProofs(ProofsRequested requested) {
        return proofsLetter(requested.tenantId(), requested.applicationId(), requested.personId(), requested.rightId(), requested.missing(),
                requested.deadline(), "proofs-requested", "letters.sms.proofs", "proofs:" + requested.applicationId() + ":" + requested.version());
    }

    /** The deadline of a request passed: one reminder with what is still missing and a new, short deadline (ADR 0512). */
    LetterSent remindOfProofs(ProofsReminderDue due) {
        return proofsLetter(due.tenantId(), due.applicationId(), due.personId(), due.rightId(), due.missing(), due.deadline(),
                "proofs-reminder", "letters.sms.proofsReminder", "proofs-reminder:" + due.applicationId() + ":" + due.version());
    }

    private LetterSent proofsLetter(UUID tenant, UUID applicationId, UUID personId, String rightId, List<LocalizedText> missing,
            LocalDate deadlineDate, String code, String smsKey, String reference) {
        ApplicationView app = applications.get(applicationId);
        Person person = people.get(personId);
        Locale locale = Locale.forLanguageTag(person.language());
        Map<String, String> v = base(tenant, app, person, eligibility.right(rightId), locale);
        String deadline = LetterValues.date(deadlineDate, locale);
        v.put("deadline", deadline);
        v.put("proofs", list(missing, locale));
        String sms = sms(v, locale, smsKey, person.firstName(), v.get("rightName"), deadline);
        v.remove(LetterValues.PORTAL_LINK_ISSUED);
        return dispatch.send(new LetterOrder(personId, code, v, sms, false, reference));
    }

    /** The template for a decision: the rent allowance has its own granted and refused letters. */
    static String template(String rightId, DecisionOutcome outcome) {
        return switch (outcome) {
            case GRANTED -> RENT_ALLOWANCE.contains(rightId) ? "rent-allowance-granted" : "decision-granted";
            case REFUSED -> RENT_ALLOWANCE.contains(rightId) ? "rent-allowance-refused" : "decision-refused";
            case POSTPONED -> "decision-postponed";
        };
    }

    LetterSent send(ApplicationDecided decided) {
        ApplicationView app = applications.get(decided.applicationId());
        ApplicationView.Decision decision = app.decisions().stream().filter(d -> d.id().equals(decided.decisionId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("Decision " + decided.decisionId() + " not found"));
        Person person = people.get(decided.personId());
        Locale locale = Locale.forLanguageTag(person.language());
        Right right = eligibility.right(decided.rightId());
        Map<String, String> v = base(decided.tenantId(), app, person, right, locale);
        LocalDate decidedOn = Times.date(decision.decidedAt());
        v.put("decisionDate", LetterValues.date(decidedOn, locale));
        switch (decided.outcome()) {
            case GRANTED -> {
                v.put("amount", LetterValues.money(decision.monthlyAmount(), locale));
                v.put("periodStart", LetterValues.date(decision.periodFrom(), locale));
                v.put("periodEnd", LetterValues.date(decision.periodUntil(), locale));
                v.put("duties", right.duties().isEmpty() ? values.text("letters.value.noDuties", locale) : list(right.duties(), locale));
            }
            case REFUSED -> v.put("reason", decision.reasons());
            case POSTPONED -> {
                v.put("missing", decision.missing());
                v.put("deadline", LetterValues.date(decidedOn.plusDays(postponedDays), locale));
            }
        }
        String sms = sms(v, locale, "letters.sms.decision", person.firstName(), v.get("officeName"), v.get("rightName"));
        v.remove(LetterValues.PORTAL_LINK_ISSUED);
        return dispatch.send(new LetterOrder(decided.personId(), template(decided.rightId(), decided.outcome()), v, sms, true,
                "decision:" + decided.decisionId()));
    }

    LetterSent remind(ReminderDue due) {
        ApplicationView app = applications.get(due.applicationId());
        Person person = people.get(due.personId());
        Locale locale = Locale.forLanguageTag(person.language());
        Right right = eligibility.right(due.rightId());
        Map<String, String> v = base(due.tenantId(), app, person, right, locale);
        String code;
        String sms;
        if (due.kind() == ReminderDue.Kind.MONTHLY_PROOF) {
            code = "monthly-proof-reminder";
            String deadline = LetterValues.date(YearMonth.parse(due.period()).atEndOfMonth(), locale);
            v.put("deadline", deadline);
            sms = sms(v, locale, "letters.sms.monthlyProof", person.firstName(), v.get("rightName"), deadline);
        } else {
            code = "renewal-reminder";
            LocalDate end = app.grant() != null ? app.grant().periodUntil() : LocalDate.of(Integer.parseInt(due.period()), 12, 31);
            v.put("periodEnd", LetterValues.date(end, locale));
            v.put("deadline", LetterValues.date(end.minusDays(end.getDayOfMonth() > 15 ? 16 : 0), locale));
            v.put("proofs", right.proofs().isEmpty() ? values.text("letters.value.noProofs", locale) : list(right.proofs(), locale));
            sms = sms(v, locale, "letters.sms.renewal", person.firstName(), v.get("rightName"), v.get("periodEnd"));
        }
        v.remove(LetterValues.PORTAL_LINK_ISSUED);
        return dispatch.send(new LetterOrder(due.personId(), code, v, sms, false,
                "reminder:" + due.grantId() + ":" + due.kind() + ":" + due.period()));
    }

    private Map<String, String> base(UUID tenant, ApplicationView app, Person person, Right right, Locale locale) {
        Map<String, String> v = new HashMap<>(values.common(tenant, person.id(), starter(app), locale));
        v.put("rightName", right.name().in(locale));
        v.put("reference", app.id().toString().substring(0, 8).toUpperCase(Locale.ROOT));
        return v;
    }

    /** The SMS text, only when a portal link was issued: the link is what the citizen acts on. */
    private String sms(Map<String, String> v, Locale locale, String key, Object... args) {
        String link = v.get(LetterValues.PORTAL_LINK_ISSUED);
        if (link == null) {
            return null;
        }
        Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = link;
        return values.text(key, locale, all);
    }

    /** The worker who started the application: the citizen's contact person. */
    private static String starter(ApplicationView app) {
        List<ApplicationView.Change> started = app.history().stream().filter(c -> "STARTED".equals(c.what())).toList();
        return started.isEmpty() ? null : started.get(started.size() - 1).changedBy();
    }

    private static String list(List<LocalizedText> items, Locale locale) {
        return items.stream().map(t -> "- " + t.in(locale)).collect(Collectors.joining("\n")) + "\n";
    }
}
