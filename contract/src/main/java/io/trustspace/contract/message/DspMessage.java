package io.trustspace.contract.message;

/**
 * A Dataspace Protocol 2025-1 message or response body, as a typed value. {@link DspCodec} reads and writes them in
 * compact JSON-LD; {@link #type()} is the compact {@code @type} they are written with.
 *
 * <p>Process ids ({@code providerPid}, {@code consumerPid}) are kept exactly as received and written back byte for
 * byte; they are never expanded against a base IRI.
 */
public sealed interface DspMessage
        permits CatalogRequestMessage,
                ContractRequestMessage,
                ContractOfferMessage,
                ContractAgreementMessage,
                ContractAgreementVerificationMessage,
                ContractNegotiationEventMessage,
                ContractNegotiationTerminationMessage,
                TransferRequestMessage,
                TransferStartMessage,
                TransferSuspensionMessage,
                TransferCompletionMessage,
                TransferTerminationMessage,
                ContractNegotiationResponse,
                TransferProcessResponse,
                ContractNegotiationError,
                TransferError,
                CatalogError {

    /** The compact {@code @type}, e.g. {@code ContractRequestMessage}. */
    String type();
}
