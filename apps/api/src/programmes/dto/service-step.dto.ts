import { ApiProperty } from '@nestjs/swagger';
import { SERVICE_CODES, type ServiceCode, type ServiceStep } from '@sal/domain';

/** One service a programme's path requires, after the services it depends on. */
export class ServiceStepDto implements ServiceStep {
  @ApiProperty({
    description:
      'The service: `reception` (accoglienza, presa in carico), `second_level_interview` (scheda individuale and CV), `path_definition` ' +
      '(personalised intervention plan), `skills_assessment` (bilancio delle competenze), `tutoring` (tutoring and counselling), ' +
      '`job_search` (company scouting and active job search). Each at most once; the first is `reception`.',
    enum: SERVICE_CODES,
    example: 'second_level_interview',
  })
  service!: ServiceCode;

  @ApiProperty({
    description: 'Services that must be completed before this one starts, each listed earlier in the catalogue (empty: none). Services with the same prerequisites run in parallel.',
    enum: SERVICE_CODES,
    isArray: true,
    example: ['reception'],
  })
  after!: ServiceCode[];
}
