package be.loket.platform;

/** Reads a choice that arrives as text (form or API) into an enum, adding a violation instead of failing. */
public final class Choices {
    private Choices() {
    }

    /** The constant named {@code value}; null with "required" or "choose from the list" on {@code field} otherwise. */
    public static <E extends Enum<E>> E of(Validation v, String field, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            v.required(field, null);
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            v.add(field, "validation.choice");
            return null;
        }
    }
}
