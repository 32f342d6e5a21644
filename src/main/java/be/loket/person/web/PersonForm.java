package be.loket.person.web;

import be.loket.person.Person;
import be.loket.person.PersonDetails;

/** The person form as the browser posts it. Holds no id or tenant: those come from the URL and the session. */
public class PersonForm {
    private String firstName;
    private String lastName;
    private String birthDate;
    private String insz;
    private String street;
    private String houseNumber;
    private String box;
    private String postalCode;
    private String city;
    private String phone;
    private String email;
    private String preferredChannel = "LETTER";
    private String language = "nl";
    private boolean needsInterpreter;
    private String interpreterLanguage;
    private long version;
    private boolean confirmNotDuplicate;

    static PersonForm of(Person p) {
        var f = new PersonForm();
        f.firstName = p.firstName();
        f.lastName = p.lastName();
        f.birthDate = p.birthDate() == null ? null : p.birthDate().toString();
        f.insz = p.inszFormatted();
        f.street = p.street();
        f.houseNumber = p.houseNumber();
        f.box = p.box();
        f.postalCode = p.postalCode();
        f.city = p.city();
        f.phone = p.phone();
        f.email = p.email();
        f.preferredChannel = p.preferredChannel().name();
        f.language = p.language();
        f.needsInterpreter = p.needsInterpreter();
        f.interpreterLanguage = p.interpreterLanguage();
        f.version = p.version();
        return f;
    }

    PersonDetails details() {
        return new PersonDetails(firstName, lastName, birthDate, insz, street, houseNumber, box, postalCode, city, phone, email,
                preferredChannel, language, needsInterpreter, interpreterLanguage);
    }

    public String getFirstName() { return firstName; }
    public void setFirstName(String v) { firstName = v; }
    public String getLastName() { return lastName; }
    public void setLastName(String v) { lastName = v; }
    public String getBirthDate() { return birthDate; }
    public void setBirthDate(String v) { birthDate = v; }
    public String getInsz() { return insz; }
    public void setInsz(String v) { insz = v; }
    public String getStreet() { return street; }
    public void setStreet(String v) { street = v; }
    public String getHouseNumber() { return houseNumber; }
    public void setHouseNumber(String v) { houseNumber = v; }
    public String getBox() { return box; }
    public void setBox(String v) { box = v; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String v) { postalCode = v; }
    public String getCity() { return city; }
    public void setCity(String v) { city = v; }
    public String getPhone() { return phone; }
    public void setPhone(String v) { phone = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public String getPreferredChannel() { return preferredChannel; }
    public void setPreferredChannel(String v) { preferredChannel = v; }
    public String getLanguage() { return language; }
    public void setLanguage(String v) { language = v; }
    public boolean isNeedsInterpreter() { return needsInterpreter; }
    public void setNeedsInterpreter(boolean v) { needsInterpreter = v; }
    public String getInterpreterLanguage() { return interpreterLanguage; }
    public void setInterpreterLanguage(String v) { interpreterLanguage = v; }
    public long getVersion() { return version; }
    public void setVersion(long v) { version = v; }
    public boolean isConfirmNotDuplicate() { return confirmNotDuplicate; }
    public void setConfirmNotDuplicate(boolean v) { confirmNotDuplicate = v; }
}
