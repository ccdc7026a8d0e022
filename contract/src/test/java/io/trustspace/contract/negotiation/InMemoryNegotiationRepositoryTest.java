package io.trustspace.contract.negotiation;

class InMemoryNegotiationRepositoryTest extends NegotiationRepositoryContract {

    @Override
    protected NegotiationRepository newRepository() {
        return new InMemoryNegotiationRepository();
    }
}
