import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';

/** Most payloads one request may carry (an event's inputs, a query result: a handful in practice). */
export const MAX_PAYLOADS_PER_REQUEST = 1000;

/** One Temporal `Payload` in protobuf JSON: bytes as base64. */
export class CodecPayloadDto {
  @ApiPropertyOptional({
    description: 'Metadata, each value base64 (`encoding` is `binary/encrypted` on a sealed payload, with `encryption-key-id`)',
    type: 'object',
    additionalProperties: { type: 'string', format: 'byte' },
    example: { encoding: 'YmluYXJ5L2VuY3J5cHRlZA==', 'encryption-key-id': 'ZGV2LTE=' },
    nullable: true,
  })
  @IsOptional()
  @IsObject({ message: 'must be an object of base64 strings' })
  metadata?: Record<string, string> | null;

  @ApiPropertyOptional({ description: 'Data, base64', type: 'string', format: 'byte', nullable: true })
  @IsOptional()
  @IsString({ message: 'must be a base64 string' })
  data?: string | null;
}

/** The body of both codec operations, and of their answers: Temporal's `Payloads` message in protobuf JSON. */
export class CodecPayloadsDto {
  @ApiProperty({ type: [CodecPayloadDto], maxItems: MAX_PAYLOADS_PER_REQUEST })
  @IsArray({ message: 'must be an array of payloads' })
  @ArrayMaxSize(MAX_PAYLOADS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => CodecPayloadDto)
  payloads!: CodecPayloadDto[];
}
