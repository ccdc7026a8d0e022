package io.trustspace.contract.transfer;

class InMemoryTransferProcessRepositoryTest extends TransferProcessRepositoryContract {

    @Override
    protected TransferProcessRepository newRepository() {
        return new InMemoryTransferProcessRepository();
    }
}
