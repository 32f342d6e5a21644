package be.loket.person;

/**
 * What staff enter about a citizen, from a form or the API, as text: {@link People} parses and
 * validates it in one place so that both channels give the same specific messages.
 */
public record PersonDetails(String firstName, String lastName, String birthDate, String insz, String street,
        String houseNumber, String box, String postalCode, String city, String phone, String email,
        String preferredChannel, String language, Boolean needsInterpreter, String interpreterLanguage) {
}
