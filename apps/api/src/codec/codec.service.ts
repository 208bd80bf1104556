import { Inject, Injectable } from '@nestjs/common';
import type { Client, Payload } from '@temporalio/client';
import { journeySearchAttributes } from '@sal/contracts';
import { ENCRYPTED_ENCODING, type AesGcmPayloadCodec } from '@sal/temporal';
import { coversOffice, type Principal } from '../auth/principal';
import { ForbiddenError } from '../common/api-errors';
import type { ApiSettings } from '../config/api-settings';
import { API_SETTINGS } from '../config/config.module';
import { ReadModelService } from '../database/read-model.service';
import { TemporalGateway } from '../temporal/temporal-gateway';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import { ENDPOINT_CODEC } from './codec.tokens';
import { ownerOf } from './codec-scope';
import { decodePayloads, encodePayloads, type CodecTarget } from './codec-protocol';
import type { CodecPayloadDto, CodecPayloadsDto } from './dto/codec-payloads.dto';

/** A decode's answer and the journeys its payloads belong to (for the audit log). */
export interface Decoded {
  answer: CodecPayloadsDto;
  journeyIds: string[];
}

/**
 * Temporal's remote codec protocol over the product's payload codec (the one the API's client and the worker use),
 * so the Web UI and `temporal … --codec-endpoint` can show journeys' payloads to an authorised person: a caller whose
 * offices are listed sees only payloads of their offices' journeys, wherever a payload's journey or office is known.
 */
@Injectable()
export class CodecService {
  private readonly target: CodecTarget;

  constructor(
    @Inject(ENDPOINT_CODEC) codec: AesGcmPayloadCodec,
    @Inject(API_SETTINGS) settings: ApiSettings,
    private readonly readModel: ReadModelService,
    private readonly temporal: TemporalGateway,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {
    this.target = { codec, namespace: settings.temporal.namespace };
  }

  encode(body: CodecPayloadsDto, namespace: string | undefined): Promise<CodecPayloadsDto> {
    return encodePayloads(this.target, body, namespace);
  }

  /**
   * Opens the payloads, then checks whose they are: each journey a payload is bound to or names must be of the
   * caller's offices (read model, else the journey's search attributes), as must each office a payload names.
   * `journeysSeen` hears the journeys before the check, so a refusal is audited with them too.
   * @throws ForbiddenError (403, nothing returned) when one is outside them or its office cannot be established.
   */
  async decode(principal: Principal, body: CodecPayloadsDto, namespace: string | undefined, journeysSeen: (ids: string[]) => void = () => undefined): Promise<Decoded> {
    const answer = await decodePayloads(this.target, body, namespace);
    const owners = body.payloads.map((sealed, i) => ownerOf(sealedPayload(sealed), fromWire(answer.payloads[i])));
    const journeyIds = [...new Set(owners.map((o) => o.journeyId).filter((id): id is string => id !== null))];
    // Named in the audit log whether or not the caller may see them.
    journeysSeen(journeyIds);
    if (principal.offices !== 'all') {
      const offices = new Set(owners.map((o) => o.officeId).filter((o): o is string => o !== null));
      for (const journeyId of journeyIds) offices.add(await this.officeOf(journeyId));
      const outside = [...offices].filter((office) => !coversOffice(principal, office));
      if (outside.length > 0) throw new ForbiddenError('some payloads belong to journeys outside your offices');
    }
    return { answer, journeyIds };
  }

  /** The office of a journey: the read model's, else its search attribute. Unknown: refused, never assumed. */
  private async officeOf(journeyId: string): Promise<string> {
    const row = await this.readModel.query((journeys) => journeys.find(journeyId)).catch(() => null);
    if (row?.officeId) return row.officeId;
    try {
      const description = await this.temporal.call('query', journeyId, () => this.client.workflow.getHandle(journeyId).describe());
      const officeId = description.typedSearchAttributes.get(journeySearchAttributes.office);
      if (officeId) return officeId;
    } catch {
      // neither the read model nor Temporal can say: fall through to the refusal
    }
    throw new ForbiddenError(`the office of journey ${journeyId} cannot be established; its payloads are not decoded`);
  }
}

/** A payload as sent, with its journey binding only when it is sealed (a plain payload's metadata proves nothing). */
function sealedPayload(p: CodecPayloadDto): Payload {
  const payload = fromWire(p);
  const encoding = payload.metadata?.encoding ? Buffer.from(payload.metadata.encoding).toString('utf8') : '';
  return encoding === ENCRYPTED_ENCODING ? payload : { ...payload, metadata: { encoding: payload.metadata?.encoding ?? new Uint8Array() } };
}

/** Protobuf JSON (base64) to a payload; the protocol has checked the base64 already. */
function fromWire(p: CodecPayloadDto | undefined): Payload {
  const metadata = Object.fromEntries(Object.entries(p?.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')]));
  return { metadata, data: p?.data ? Buffer.from(p.data, 'base64') : Buffer.alloc(0) };
}
