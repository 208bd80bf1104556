import { appointments } from '../appointments';
import { benefits } from '../benefits';
import { assessment } from '../assessment';
import { conditionality } from '../conditionality';
import { contacts } from '../contacts';
import { episodes } from '../episodes';
import { intake } from '../intake';
import { monitoring } from '../monitoring';
import { obligations } from '../obligations';
import { offers } from '../offers';
import { outcomes } from '../outcomes';
import { pact } from '../pact';
import { pauses } from '../pauses';
import { progress } from '../progress';
import { referrals } from '../referrals';
import { services } from '../services';
import { feature } from './feature';

/**
 * The journey: every feature, in the order their deadlines are processed when they fall due at the same instant.
 * The core's total records (deciders, folds, notices, drafters, stall causes) are checked against this one list.
 */
export const JOURNEY = feature(pact, contacts, intake, services, appointments, offers, conditionality, referrals, outcomes, progress, assessment, benefits, pauses, episodes, monitoring, obligations);
