package be.loket.platform;

import be.loket.support.LoketTest;

/** On H2: multi-row insert statements. */
@LoketTest
class MultiRowInsertTests extends MultiRowInsertContract {
}
