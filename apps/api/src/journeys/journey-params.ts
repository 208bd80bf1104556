import { ApiParam } from '@nestjs/swagger';

/**
 * The journey id in a path, as OpenAPI shows it (`JourneyIdPipe` checks it). The ids the journey numbers itself
 * (appointments AP1, offers O1, …) are path ids of the command table, documented and checked from its schemas.
 */
export const JOURNEY_ID_PARAM = ApiParam({ name: 'journeyId', description: 'Journey id: jrn_ and 32 lowercase hex characters', example: 'jrn_3f2a9c0e5b7d41e8a6c2f0b1d4e7a9c3' });
