package be.loket.outreach.internal;

import static be.loket.outreach.internal.ListField.*;

import be.loket.outreach.ListType;
import java.util.List;
import java.util.Set;

/** The columns of each list type: which are required, which optional (docs/outreach-list-formats.md). */
public record Layout(ListType type, List<ListField> required, List<ListField> optional, boolean needsInszOrBirthDate) {

    private static final List<ListField> IDENTITY = List.of(INSZ, BIRTH_DATE, STREET, HOUSE_NUMBER, BOX, POSTAL_CODE, CITY, REFERENCE);

    public static Layout of(ListType type) {
        return switch (type) {
            case WAITING_LIST -> new Layout(type, List.of(LAST_NAME, FIRST_NAME, REGISTRATION_DATE, NO_REAL_ESTATE, NO_RENT_PREMIUM),
                    concat(IDENTITY, List.of(REGISTERED, MONTHLY_RENT)), true);
            case RENT_ARREARS -> new Layout(type, List.of(LAST_NAME, FIRST_NAME, ARREARS_AMOUNT, MONTHS_IN_ARREARS),
                    concat(IDENTITY, List.of(MONTHLY_RENT)), true);
            // The water company knows its customers by address, not always by birth date.
            case WATER_ARREARS -> new Layout(type, List.of(LAST_NAME, FIRST_NAME, ARREARS_AMOUNT),
                    concat(IDENTITY, List.of(DUE_DATE)), false);
        };
    }

    public List<ListField> fields() {
        return concat(required, optional);
    }

    public boolean isRequired(ListField f) {
        return required.contains(f);
    }

    public Set<ListField> requiredSet() {
        return Set.copyOf(required);
    }

    private static List<ListField> concat(List<ListField> a, List<ListField> b) {
        var all = new java.util.ArrayList<ListField>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
