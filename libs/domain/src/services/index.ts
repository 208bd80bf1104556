import type { Feature } from '../journey/feature';
import { noDeadlines } from '../journey/feature';
import { silent } from '../journey/notice';
import { recordServiceDelivery, serviceDelivered } from './delivery';
import type { ServicesEvent } from './model';

export const services: Feature<'RecordServiceDelivery', ServicesEvent['type'], never, never> = {
  deciders: { RecordServiceDelivery: recordServiceDelivery },
  evolvers: { ServiceDelivered: serviceDelivered },
  notices: { ServiceDelivered: silent },
  deadlines: noDeadlines,
  drafters: {},
  stallCauses: {},
};
