import { defineEnv, text, variable } from '@sal/config';

/**
 * The secrets the API and worker processes share, declared here for the documentation. Their rules (key list syntax,
 * 32-byte keys, required in production) stay with their parsers, `journeyIdKey` and `payloadEncryptionSettings`, whose
 * messages name the variable; each process runs them with its other loaders (`ConfigurationProblems`), so their
 * problems are listed with the rest.
 */
export const JOURNEY_ID_ENV = defineEnv({
  JOURNEY_ID_KEY: variable(text(), {
    description: 'secret of the keyed journey id (the API); required when `NODE_ENV=production`; changing it changes every journey id',
    defaultText: 'a development key',
    secret: true,
  }),
});

export const PAYLOAD_KEYS_ENV = defineEnv({
  PAYLOAD_ENCRYPTION_KEYS: variable(text(), {
    description: '`keyId:base64key,…` (32-byte keys) that encrypt Temporal payloads: the current one and those rotated out; required when `NODE_ENV=production`',
    defaultText: 'the development key `dev-1`',
    secret: true,
  }),
  PAYLOAD_ENCRYPTION_KEY_ID: variable(text(), {
    description: 'id of the key new payloads are encrypted with; must be in `PAYLOAD_ENCRYPTION_KEYS`',
    defaultText: 'the only key, or `dev-1`',
  }),
  PAYLOAD_REFUSE_UNENCRYPTED: variable(text(), {
    description: 'refuse payloads that arrive unencrypted (commands sent straight to Temporal)',
    defaultText: '`true` with `NODE_ENV=production`, else `false`',
  }),
});
