import { Inject, Injectable } from '@nestjs/common';
import type { AesGcmPayloadCodec } from '@sal/temporal';
import type { ApiSettings } from '../config/api-settings';
import { API_SETTINGS } from '../config/config.module';
import { PAYLOAD_CODEC } from '../temporal/temporal.tokens';
import { decodePayloads, encodePayloads, type CodecTarget } from './codec-protocol';
import type { CodecPayloadsDto } from './dto/codec-payloads.dto';

/**
 * Temporal's remote codec protocol over the product's payload codec (the one the API's client and the worker use),
 * so the Web UI and `temporal … --codec-endpoint` can show journeys' payloads to an authorised person.
 */
@Injectable()
export class CodecService {
  private readonly target: CodecTarget;

  constructor(@Inject(PAYLOAD_CODEC) codec: AesGcmPayloadCodec, @Inject(API_SETTINGS) settings: ApiSettings) {
    this.target = { codec, namespace: settings.temporal.namespace };
  }

  encode(body: CodecPayloadsDto, namespace: string | undefined): Promise<CodecPayloadsDto> {
    return encodePayloads(this.target, body, namespace);
  }

  decode(body: CodecPayloadsDto, namespace: string | undefined): Promise<CodecPayloadsDto> {
    return decodePayloads(this.target, body, namespace);
  }
}
