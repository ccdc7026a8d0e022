package io.trustspace.app.identity;

import io.trustspace.common.Result;
import io.trustspace.common.tx.Transactions;
import io.trustspace.identity.credential.CredentialIssuer;
import io.trustspace.identity.credential.IssuedCredential;
import io.trustspace.identity.credential.LegalIdentifier;
import io.trustspace.identity.credential.MembershipClaims;
import io.trustspace.identity.credential.StatusListPosition;
import io.trustspace.identity.credential.StatusListPublisher;
import io.trustspace.identity.participant.Participant;
import io.trustspace.identity.participant.ParticipantId;
import io.trustspace.identity.participant.ParticipantService;
import io.trustspace.identity.participant.ReviewDecision;
import io.trustspace.identity.registration.RegistrationDetails;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Review decisions and what they mean for a participant's membership credential, in one transaction: approval
 * issues the credential; suspension, reinstatement and revocation flip its status-list bits. Each is evidenced.
 */
public final class Membership {

    private final ParticipantService participants;
    private final CredentialIssuer issuer;
    private final StatusListPublisher statusLists;
    private final JdbcParticipantCredentials credentials;
    private final Transactions transactions;
    private final EvidenceRecorder evidence;
    private final Clock clock;

    public Membership(
            ParticipantService participants,
            CredentialIssuer issuer,
            StatusListPublisher statusLists,
            JdbcParticipantCredentials credentials,
            Transactions transactions,
            EvidenceRecorder evidence,
            Clock clock) {
        this.participants = participants;
        this.issuer = issuer;
        this.statusLists = statusLists;
        this.credentials = credentials;
        this.transactions = transactions;
        this.evidence = evidence;
        this.clock = clock;
    }

    public Result<Participant> approve(ParticipantId id, ReviewDecision decision) {
        return transactions.inTransaction(
                () -> participants.approve(id, decision).flatMap(this::issue));
    }

    /**
     * Renews the participant's newest credential once its renewal window has opened (CONFLICT before, after expiry,
     * or while revoked or suspended); the new credential keeps the status position.
     */
    public Result<JdbcParticipantCredentials.Stored> renew(ParticipantId id) {
        return transactions.inTransaction(() -> credentials
                .latest(id.value())
                .<Result<JdbcParticipantCredentials.Stored>>map(stored ->
                        io.trustspace.identity.credential.MembershipCredential.fromJson(currentJson(stored.jwt()))
                                .flatMap(issuer::renew)
                                .map(renewed -> {
                                    JdbcParticipantCredentials.Stored next = new JdbcParticipantCredentials.Stored(
                                            renewed.credential().id(),
                                            id.value(),
                                            renewed.jwt(),
                                            stored.listId(),
                                            stored.index(),
                                            renewed.credential().validUntil());
                                    credentials.add(next, clock.instant());
                                    evidence.record(
                                            "credential.renewed",
                                            List.of(
                                                    id.value(),
                                                    renewed.credential().id(),
                                                    stored.credentialId()),
                                            renewed.jwt().getBytes(StandardCharsets.US_ASCII));
                                    return next;
                                }))
                .orElseGet(() -> Result.notFound("no credential has been issued to " + id.value())));
    }

    /** The payload of our own stored credential JWT (already verified when it was issued). */
    private static tools.jackson.databind.JsonNode currentJson(String jwt) {
        String payload = jwt.split("\\.")[1];
        return tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(java.util.Base64.getUrlDecoder().decode(payload));
    }

    public Result<Participant> suspend(ParticipantId id, ReviewDecision decision) {
        return decide(id, decision, participants::suspend, statusLists::suspend);
    }

    public Result<Participant> revoke(ParticipantId id, ReviewDecision decision) {
        return decide(id, decision, participants::revoke, statusLists::revoke);
    }

    public Result<Participant> reinstate(ParticipantId id, ReviewDecision decision) {
        return decide(id, decision, participants::reinstate, position -> {
            Result<StatusListPosition> reinstated = statusLists.reinstate(position);
            if (reinstated instanceof Result.Failure<StatusListPosition> refused) {
                throw new IllegalStateException(refused.reason());
            }
        });
    }

    private Result<Participant> decide(
            ParticipantId id,
            ReviewDecision decision,
            BiFunction<ParticipantId, ReviewDecision, Result<Participant>> transition,
            java.util.function.Consumer<StatusListPosition> status) {
        return transactions.inTransaction(() -> transition.apply(id, decision).map(participant -> {
            credentials
                    .latest(id.value())
                    .ifPresent(stored -> status.accept(new StatusListPosition(stored.listId(), stored.index())));
            return participant;
        }));
    }

    /** Issues the membership credential of an approved participant whose connector DID is known. */
    private Result<Participant> issue(Participant participant) {
        String id = participant.id().value();
        var did = credentials.did(id);
        if (did.isEmpty()) {
            return Result.ok(participant); // approved; a credential follows once the connector's DID is registered
        }
        RegistrationDetails details = participant.details();
        LegalIdentifier identifier = participant
                .uscc()
                .<LegalIdentifier>map(code -> new LegalIdentifier.Uscc(code.value()))
                .orElseGet(() ->
                        new LegalIdentifier.MaskedId(participant.idMasked().orElseThrow()));
        MembershipClaims claims = new MembershipClaims(
                did.get(),
                participant.legalName(),
                identifier,
                Set.of(roleOf(participant)),
                participant.assuranceLevel().name().toLowerCase(Locale.ROOT),
                industry(details),
                region(details));
        IssuedCredential issued = issuer.issue(claims);
        StatusListPosition position =
                statusLists.positionOf(issued.credential()).orElseThrow();
        credentials.add(
                new JdbcParticipantCredentials.Stored(
                        issued.credential().id(),
                        id,
                        issued.jwt(),
                        position.listId(),
                        position.index(),
                        issued.credential().validUntil()),
                clock.instant());
        evidence.record(
                "credential.issued",
                List.of(id, issued.credential().id()),
                issued.jwt().getBytes(StandardCharsets.US_ASCII));
        return Result.ok(participant);
    }

    private static RegistrationDetails.Organisation organisation(RegistrationDetails details) {
        if (details instanceof RegistrationDetails.Organisation organisation) {
            return organisation;
        }
        if (details instanceof RegistrationDetails.ServiceProvider provider) {
            return provider.organisation();
        }
        return null;
    }

    private static String industry(RegistrationDetails details) {
        RegistrationDetails.Organisation organisation = organisation(details);
        return organisation == null ? null : organisation.industry().code();
    }

    private static String region(RegistrationDetails details) {
        RegistrationDetails.Organisation organisation = organisation(details);
        return organisation == null ? null : organisation.region().value();
    }

    private static String roleOf(Participant participant) {
        return switch (participant.kind()) {
            case SERVICE_PROVIDER -> "service-provider";
            case INDIVIDUAL -> "individual";
            case ORGANISATION -> "participant";
        };
    }
}
