package io.trustspace.catalog.resource;

class InMemoryResourceRepositoryTest extends ResourceRepositoryContract {

    @Override
    protected ResourceRepository newRepository() {
        return new InMemoryResourceRepository();
    }
}
