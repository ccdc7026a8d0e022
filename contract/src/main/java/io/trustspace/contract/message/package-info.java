/**
 * DSP 2025-1 messages as typed records ({@link io.trustspace.contract.message.DspMessage}) and their compact JSON-LD
 * form ({@link io.trustspace.contract.message.DspCodec}): strict shape, tolerant spelling, bounded input.
 */
package io.trustspace.contract.message;
