package io.trustspace.ledger.witness;

class InMemoryWitnessStoreTest extends WitnessStoreContract {

    @Override
    protected WitnessStore newStore() {
        return new InMemoryWitnessStore();
    }
}
