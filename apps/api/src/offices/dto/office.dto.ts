import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { OFFICE_KINDS, type OfficeKind } from '@sal/domain';
import { OfficeCalendarDto } from '../../journeys/dto/journey-view.response';

/**
 * An office's definition (the id comes from the path). Its rules are the domain's (`validateOfficeDefinition`), so
 * this DTO only admits the fields and the service checks them with that function, naming each problem by its field
 * (`calendar.annual[0].monthDay`); unknown top-level fields are refused by the global validation pipe.
 */
export class PutOfficeDto {
  @ApiProperty({ description: 'Name, 1-200 characters on one line', type: String, example: "Centro per l'Impiego di Milano" })
  @Allow()
  name!: unknown;

  @ApiProperty({ description: "`cpi` (a public Centro per l'Impiego) or `accredited` (an operator accredited by the region, D.lgs. 276/2003 art. 7)", enum: OFFICE_KINDS, example: 'cpi' })
  @Allow()
  kind!: unknown;

  @ApiPropertyOptional({
    description:
      'The CPI competent for the area the office works in, which decides its journeys\' sanctions (art. 21 c.7, art. 23 D.lgs. 150/2015): required for an ' +
      '`accredited` operator (it must be in the directory as a `cpi`); a `cpi` is its own (leave it out or give its own id)',
    type: String,
    example: 'CPI-TO-01',
  })
  @Allow()
  competentCpiId?: unknown;

  @ApiProperty({
    description:
      "The region (issue 15): its key — `piemonte`, `valle-d-aosta`, `lombardia`, `trento`, `bolzano`, `veneto`, `friuli-venezia-giulia`, `liguria`, `emilia-romagna`, " +
      '`toscana`, `umbria`, `marche`, `lazio`, `abruzzo`, `molise`, `campania`, `puglia`, `basilicata`, `calabria`, `sicilia`, `sardegna` — or its name ' +
      "in any case, accents optional (`Emilia Romagna`); stored and answered as the key. `Trentino-Alto Adige` is refused: name the autonomous province. " +
      "It decides the regional catalogues the office's journeys pin",
    type: String,
    example: 'lombardia',
  })
  @Allow()
  region!: unknown;

  @ApiProperty({ description: 'Comune, 1-100 characters', type: String, example: 'Milano' })
  @Allow()
  comune!: unknown;

  @ApiProperty({
    description:
      "When the office is closed besides Sundays and the national holidays: `annual` (`{ monthDay: 'MM-DD', name }`, the patron saint), `afterEaster` " +
      "(`{ days, name }`, Bolzano's Whit Monday: 50), `dates` (`{ date: 'YYYY-MM-DD', name }`, one-off), each at most 100, and `saturdaysClosed`",
    type: () => OfficeCalendarDto,
    example: { annual: [{ monthDay: '12-07', name: "Sant'Ambrogio" }], afterEaster: [], dates: [], saturdaysClosed: false },
  })
  @Allow()
  calendar!: unknown;
}

/** A one-off closure added to an office's calendar. */
export class AddClosureDto {
  @ApiProperty({ description: 'The day the office is closed, YYYY-MM-DD (the same date again replaces its name)', type: String, format: 'date', example: '2026-12-24' })
  @Allow()
  date!: unknown;

  @ApiProperty({ description: 'Why, 1-100 characters on one line', type: String, example: 'Chiusura straordinaria' })
  @Allow()
  name!: unknown;
}

/** An office of the directory. */
export class OfficeDto {
  @ApiProperty({ description: 'Office id (1-64 of letters, digits, _ -)', example: 'CPI-MI-01' })
  officeId!: string;

  @ApiProperty({ description: 'Name', example: "Centro per l'Impiego di Milano" })
  name!: string;

  @ApiProperty({ description: '`cpi` or `accredited`', enum: OFFICE_KINDS, example: 'cpi' })
  kind!: OfficeKind;

  @ApiProperty({ description: 'The CPI that decides the sanctions of its journeys: the office itself for a CPI', example: 'CPI-MI-01' })
  competentCpiId!: string;

  @ApiProperty({ description: "The region's key (issue 15), e.g. `lombardia`; an office kept from before may hold a text that names no region (its journeys pin national catalogues)", example: 'lombardia' })
  region!: string;

  @ApiProperty({ description: 'Comune', example: 'Milano' })
  comune!: string;

  @ApiProperty({ description: "The office's calendar: what closes it besides Sundays and national holidays", type: () => OfficeCalendarDto })
  calendar!: OfficeCalendarDto;
}
