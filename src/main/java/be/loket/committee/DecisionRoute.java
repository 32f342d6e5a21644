package be.loket.committee;

/** Who decides a right: the social committee (BCSD) in a session, or a delegated staff member (the team lead). */
public enum DecisionRoute { BCSD, DELEGATED }
