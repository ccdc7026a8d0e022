/**
 * DSP 2025-1 contract negotiation, both roles: the aggregate {@link
 * io.trustspace.contract.negotiation.ContractNegotiation} with its state machine {@link
 * io.trustspace.contract.negotiation.NegotiationState}, what a step produces ({@link
 * io.trustspace.contract.negotiation.NegotiationChange}: next state, evidence, message to send) and the port {@link
 * io.trustspace.contract.negotiation.NegotiationRepository}.
 */
package io.trustspace.contract.negotiation;
