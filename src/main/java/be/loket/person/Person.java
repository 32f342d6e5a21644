package be.loket.person;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A citizen as stored: read through {@link People}, which audits every read. */
public record Person(UUID id, String firstName, String lastName, LocalDate birthDate, String insz, String street,
        String houseNumber, String box, String postalCode, String city, String phone, String email,
        ContactChannel preferredChannel, String language, boolean needsInterpreter, String interpreterLanguage,
        long version, OffsetDateTime createdAt, OffsetDateTime updatedAt, String updatedBy) {

    public String fullName() {
        return firstName + " " + lastName;
    }

    public String inszFormatted() {
        return insz == null ? null : Insz.parse(insz).map(Insz::formatted).orElse(insz);
    }

    /**
     * Street, number, box, postal code and town on one line; {@code boxWord} is the word for "box" in
     * the reader's language (bundle key {@code person.address.box}: bus, boîte, box).
     */
    public String addressLine(String boxWord) {
        if (street == null && city == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        if (street != null) {
            b.append(street);
            if (houseNumber != null) {
                b.append(' ').append(houseNumber);
            }
            if (box != null) {
                b.append(' ').append(boxWord).append(' ').append(box);
            }
        }
        if (city != null) {
            if (!b.isEmpty()) {
                b.append(", ");
            }
            if (postalCode != null) {
                b.append(postalCode).append(' ');
            }
            b.append(city);
        }
        return b.toString();
    }
}
