package be.loket.outreach;

/** A worklist of the tenant: its key (a right's id, or {@code rent-arrears}), its name and how many are open. */
public record WorklistInfo(String key, String name, int open) {
}
