import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { REGIONS } from '@sal/domain';
import { ApiErrorResponses } from '../common/api-error-responses.decorator';

/** Issue 15: a region that runs employment services (a region, or the autonomous province of Trento or Bolzano). */
export class RegionDto {
  @ApiProperty({ description: 'The key offices, catalogues (`scope`) and `?region=` name it by', example: 'piemonte' })
  key!: string;

  @ApiProperty({ description: 'Its name', example: 'Piemonte' })
  name!: string;

  @ApiProperty({ description: "ISTAT code: the region's, the province's for Trento (022) and Bolzano (021)", example: '01' })
  istat!: string;
}

@ApiTags('programmes')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController {
  @Get()
  @ApiOperation({
    summary: 'The regions',
    description:
      'The 19 regions and the autonomous provinces of Trento and Bolzano, which run their own employment services (Trentino-Alto Adige does not): ' +
      "the keys an office's `region`, a catalogue's `scope` and the `region` of `GET`/`PUT /programmes` take. Any authenticated role.",
  })
  @ApiOkResponse({ description: 'Every region, in ISTAT order', type: RegionDto, isArray: true })
  @ApiErrorResponses({ UNAUTHENTICATED: 'no valid bearer token' })
  list(): RegionDto[] {
    return REGIONS.map(({ key, name, istat }) => ({ key, name, istat }));
  }
}
