package be.loket.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks staff passwords for the login form and for HTTP Basic on the API. The API authenticates every
 * call, and a bcrypt check costs tens of milliseconds of CPU, so a password verified in the last few
 * minutes is remembered as a SHA-256 digest in memory, tied to the stored hash: a changed password, a
 * disabled or locked account takes effect on the next call. Unknown users cost a bcrypt check too, so
 * timing does not reveal which usernames exist.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {
    private static final Duration REMEMBER = Duration.ofMinutes(5);

    private record Verified(String storedHash, long untilNanos) {
    }

    private final StaffUserDetailsService users;
    private final PasswordEncoder encoder;
    private final String dummyHash;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    StaffAuthenticationProvider(StaffUserDetailsService users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
        this.dummyHash = encoder.encode("not-a-real-password");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String raw = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        StaffPrincipal user;
        try {
            user = (StaffPrincipal) users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            encoder.matches(raw, dummyHash);
            throw new BadCredentialsException("Bad credentials");
        }
        String key = username + '\u0000' + sha256(raw);
        long now = System.nanoTime();
        Verified known = verified.get(key);
        boolean remembered = known != null && known.untilNanos() - now > 0 && known.storedHash().equals(user.getPassword());
        if (!remembered) {
            if (!encoder.matches(raw, user.getPassword())) {
                verified.remove(key);
                throw new BadCredentialsException("Bad credentials");
            }
        }
        // Status after the password: without the right password nobody learns that an account is locked or disabled.
        if (!user.isAccountNonLocked()) {
            throw new LockedException("Locked");
        }
        if (!user.isEnabled()) {
            throw new DisabledException("Disabled");
        }
        if (!remembered) {
            if (verified.size() > 10_000) {
                verified.entrySet().removeIf(e -> e.getValue().untilNanos() - now <= 0);
            }
            verified.put(key, new Verified(user.getPassword(), now + REMEMBER.toNanos()));
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
