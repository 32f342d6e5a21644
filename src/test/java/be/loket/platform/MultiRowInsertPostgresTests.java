package be.loket.platform;

import be.loket.support.LoketPostgresTest;

/** On PostgreSQL: COPY in CSV. */
@LoketPostgresTest
class MultiRowInsertPostgresTests extends MultiRowInsertContract {
}
