/**
 * DSP 2025-1 transfer process, both roles: the aggregate {@link io.trustspace.contract.transfer.TransferProcess}
 * with its state machine {@link io.trustspace.contract.transfer.TransferState}, what a step produces ({@link
 * io.trustspace.contract.transfer.TransferChange}) and the port {@link
 * io.trustspace.contract.transfer.TransferProcessRepository}.
 */
package io.trustspace.contract.transfer;
