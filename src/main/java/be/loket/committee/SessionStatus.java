package be.loket.committee;

/** A session is planned (agenda open, decisions taken) until it is closed; closed sessions keep their minutes. */
public enum SessionStatus { PLANNED, CLOSED }
