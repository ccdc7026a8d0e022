package io.trustspace.identity.participant;

class InMemoryParticipantRepositoryTest extends ParticipantRepositoryContract {

    @Override
    protected ParticipantRepository newRepository() {
        return new InMemoryParticipantRepository();
    }
}
