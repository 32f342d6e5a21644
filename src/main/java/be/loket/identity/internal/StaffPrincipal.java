package be.loket.identity.internal;

import be.loket.platform.Actor;
import be.loket.platform.ActorSource;
import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in staff member as Spring Security sees it; serialisable because sessions live in the database. */
final class StaffPrincipal implements UserDetails, CredentialsContainer, ActorSource {
    @Serial
    private static final long serialVersionUID = 1L;

    private final Actor actor;
    private final String displayName;
    private String passwordHash;
    private final boolean enabled;
    private final boolean nonLocked;
    private final String language;

    StaffPrincipal(Actor actor, String displayName, String passwordHash, boolean enabled, boolean nonLocked, String language) {
        this.actor = actor;
        this.language = language;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.nonLocked = nonLocked;
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public String language() {
        return language;
    }

    public String getDisplayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return actor.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return nonLocked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    List<String> roleNames() {
        return actor.roles().stream().map(Enum::name).toList();
    }
}
