package be.loket.identity;

/** An own service of the municipality, or a partner organisation with which dossiers can be shared. */
public enum OrganisationKind {
    OWN_SERVICE, PARTNER
}
