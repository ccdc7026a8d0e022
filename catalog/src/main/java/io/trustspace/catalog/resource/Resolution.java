package io.trustspace.catalog.resource;

import io.trustspace.catalog.identifier.DataIdentifier;
import java.time.Instant;
import java.util.Objects;

/**
 * What a data identifier resolves to: the catalog view of a listed resource, or the tombstone of a delisted one.
 * Neither holds the data address. The identifier is always the versioned one of the resource found, also when an
 * unversioned identifier was resolved. Immutable.
 */
public sealed interface Resolution {

    DataIdentifier identifier();

    /** The participant that holds the resource. */
    String holder();

    ResourceState status();

    /** A listed resource: its metadata, holder, access methods and status. */
    record Active(CatalogView view) implements Resolution {
        public Active {
            Objects.requireNonNull(view, "view");
            if (view.status() != ResourceState.LISTED) {
                throw new IllegalArgumentException("an active resolution is of a LISTED resource");
            }
        }

        @Override
        public DataIdentifier identifier() {
            return view.identifier();
        }

        @Override
        public String holder() {
            return view.holder();
        }

        @Override
        public ResourceState status() {
            return view.status();
        }
    }

    /**
     * A delisted resource: the identifier stays resolvable and says who held it, what it was, when and why it was
     * withdrawn and by whom.
     */
    record Tombstone(
            DataIdentifier identifier,
            ResourceKind kind,
            String holder,
            LocalizedText title,
            String reason,
            String delistedBy,
            Instant delistedAt)
            implements Resolution {
        public Tombstone {
            Objects.requireNonNull(identifier, "identifier");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(holder, "holder");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(delistedBy, "delistedBy");
            Objects.requireNonNull(delistedAt, "delistedAt");
        }

        @Override
        public ResourceState status() {
            return ResourceState.DELISTED;
        }
    }

    /** The resolution of a resource that has an identifier (LISTED or DELISTED). */
    static Resolution of(Resource resource) {
        if (resource.state() == ResourceState.DELISTED) {
            Transition delisted = resource.lastTransition();
            return new Tombstone(
                    resource.identifier(),
                    resource.kind(),
                    resource.provider(),
                    resource.metadata().title(),
                    delisted.reason(),
                    delisted.actor(),
                    delisted.at());
        }
        return new Active(CatalogView.of(resource));
    }
}
