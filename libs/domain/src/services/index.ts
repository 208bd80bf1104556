import { feature, type Feature } from '../journey/feature';
import { delivery } from './delivery';
import type { ServicesCommand, ServicesEvent } from './model';

export const services: Feature<ServicesCommand['type'], ServicesEvent['type'], never, never> = feature(delivery);
