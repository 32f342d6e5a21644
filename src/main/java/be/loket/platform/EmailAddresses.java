package be.loket.platform;

import java.util.regex.Pattern;

/** A pragmatic e-mail check: one @, a dot in the domain, no spaces. Delivery is the real test. */
public final class EmailAddresses {
    private static final Pattern PLAUSIBLE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$");

    private EmailAddresses() {
    }

    public static boolean plausible(String email) {
        return email != null && PLAUSIBLE.matcher(email.strip()).matches();
    }
}
