package be.loket.outreach.internal;

import be.loket.platform.Texts;
import java.util.List;

/**
 * A column Loket can read from a partner list: how its value is parsed and the headers partners use for
 * it. The first header is the documented one (docs/outreach-list-formats.md).
 */
public enum ListField {
    INSZ(Kind.INSZ, "rijksregisternummer", "insz", "rrn", "nationaal nummer", "niss", "numero national", "national number"),
    LAST_NAME(Kind.NAME, "achternaam", "naam", "familienaam", "nom", "last name"),
    FIRST_NAME(Kind.NAME, "voornaam", "prenom", "first name"),
    BIRTH_DATE(Kind.DATE, "geboortedatum", "geb datum", "date de naissance", "birth date"),
    STREET(Kind.TEXT, "straat", "adres", "rue", "street"),
    HOUSE_NUMBER(Kind.SHORT, "huisnummer", "nr", "nummer", "numero", "house number"),
    BOX(Kind.SHORT, "bus", "boite", "box"),
    POSTAL_CODE(Kind.POSTAL_CODE, "postcode", "code postal", "postal code"),
    CITY(Kind.NAME, "gemeente", "woonplaats", "commune", "city"),
    REFERENCE(Kind.SHORT, "referentie", "dossiernummer", "klantnummer", "contractnummer", "kandidaatnummer", "reference"),
    REGISTRATION_DATE(Kind.DATE, "inschrijvingsdatum", "datum inschrijving", "date inscription", "registration date"),
    REGISTERED(Kind.YES_NO, "ingeschreven", "inschrijving geldig", "inscrit", "registered"),
    NO_REAL_ESTATE(Kind.YES_NO, "geen_onroerend_goed", "geen eigendom", "pas de bien immobilier", "no real estate"),
    NO_RENT_PREMIUM(Kind.YES_NO, "geen_huurpremie", "geen vlaamse huurpremie", "pas de prime de loyer", "no rent premium"),
    MONTHLY_RENT(Kind.AMOUNT, "maandhuur", "huurprijs", "huur", "loyer", "monthly rent"),
    ARREARS_AMOUNT(Kind.AMOUNT, "achterstal", "bedrag achterstal", "openstaand bedrag", "saldo", "arrieres", "arrears"),
    MONTHS_IN_ARREARS(Kind.WHOLE_NUMBER, "maanden_achterstal", "aantal maanden", "maanden", "mois", "months in arrears"),
    DUE_DATE(Kind.DATE, "vervaldatum", "oudste vervaldag", "echeance", "due date");

    public enum Kind { INSZ, NAME, TEXT, SHORT, DATE, POSTAL_CODE, AMOUNT, WHOLE_NUMBER, YES_NO }

    private final Kind kind;
    private final List<String> headers;

    ListField(Kind kind, String... headers) {
        this.kind = kind;
        this.headers = List.of(headers);
    }

    public Kind kind() {
        return kind;
    }

    /** The header the documented layout uses. */
    public String header() {
        return headers.get(0);
    }

    /** Whether a partner's header (any case, accents, underscores or spaces) names this field. */
    public boolean knows(String header) {
        String folded = Texts.fold(header);
        return headers.stream().anyMatch(h -> Texts.fold(h).equals(folded)) || Texts.fold(name()).equals(folded);
    }

    public int maxLength() {
        return switch (kind) {
            case SHORT -> 20;
            case NAME -> 100;
            default -> 200;
        };
    }
}
