import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ApiErrorResponses } from '../common/api-error-responses.decorator';
import { PAGE_MAX } from '../common/dto/page.query';
import { Roles } from '../auth/decorators';
import { AuditService } from './audit.service';

class AuditQueryDto {
  @ApiPropertyOptional({ description: 'Only entries about this journey', example: 'jrn_3f2a9c0e5b7d41e8a6c2f0b1d4e7a9c3' })
  @IsOptional()
  @Matches(/^jrn_[0-9a-f]{32}$/)
  journeyId?: string;

  @ApiPropertyOptional({ description: "Only this caller's entries (the token subject)", example: 'op-bianchi' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._@*-]{1,64}$/)
  subject?: string;

  @ApiPropertyOptional({ description: 'Only entries about this person (`prs_…`): exports of their data, listings of their episodes', example: 'prs_9b1c3e5a7f2d4b6c8e0a1f3d5b7c9e2a' })
  @IsOptional()
  @Matches(/^prs_[0-9a-f]{32}$/)
  personRef?: string;

  @ApiPropertyOptional({ description: `Page, from 1 to ${PAGE_MAX}`, type: 'integer', default: 1, minimum: 1, maximum: PAGE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_MAX)
  page = 1;

  @ApiPropertyOptional({ description: 'Entries per page', type: 'integer', default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 50;
}

class AuditEntryDto {
  @ApiProperty({ example: '42' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'Token subject', example: 'op-bianchi' }) subject!: string;
  @ApiProperty({ example: 'operator' }) role!: string;
  @ApiProperty({ description: "Caller's offices; ['*'] for all", type: [String] }) offices!: string[];
  @ApiProperty({ example: 'POST' }) method!: string;
  @ApiProperty({ example: '/journeys/:journeyId/pact' }) route!: string;
  @ApiProperty({ nullable: true, type: String }) journeyId!: string | null;
  @ApiProperty({ nullable: true, type: String }) officeId!: string | null;
  @ApiProperty({ description: 'The person the request was about (`prs_…`, never a fiscal code), or null', nullable: true, type: String }) personRef!: string | null;
  @ApiProperty({ example: 200 }) status!: number;
  @ApiProperty({ enum: ['ok', 'refused', 'failed'] }) outcome!: string;
}

class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('administrator')
  @ApiOperation({ summary: 'The audit log', description: 'Every request by an authenticated caller, newest first. Administrators only.' })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiErrorResponses({ VALIDATION_FAILED: 'a query parameter breaks a rule', UNAUTHENTICATED: 'no valid bearer token', FORBIDDEN: 'not an administrator', READ_MODEL_UNAVAILABLE: 'PostgreSQL cannot be reached' })
  async list(@Query() q: AuditQueryDto): Promise<AuditPageDto> {
    const page = await this.audit.list(q);
    return { ...page, items: page.items.map((e) => ({ ...e, at: e.at.toISOString() })) };
  }
}
