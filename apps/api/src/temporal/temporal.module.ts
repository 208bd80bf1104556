import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { PayloadDataKeyStore } from '@sal/persistence';
import { AesGcmPayloadCodec, tracingClientInterceptors, type DataKeyStore } from '@sal/temporal';
import { API_SETTINGS } from '../config/config.module';
import type { ApiSettings } from '../config/api-settings';
import { DatabaseModule } from '../database/database.module';
import { ReadModelService } from '../database/read-model.service';
import { TemporalGateway } from './temporal-gateway';
import { DATA_KEY_STORE, PAYLOAD_CODEC, TEMPORAL_CLIENT, TEMPORAL_CONNECTION } from './temporal.tokens';

/** The key store of the API's codec, over the read model's lazily connected DataSource. */
function dataKeyStoreOf(readModel: ReadModelService): DataKeyStore {
  return {
    find: (journeyId) => readModel.use(({ dataSource }) => new PayloadDataKeyStore(dataSource).find(journeyId)),
    insertIfAbsent: (journeyId, masterKeyId, wrappedKey) => readModel.use(({ dataSource }) => new PayloadDataKeyStore(dataSource).insertIfAbsent(journeyId, masterKeyId, wrappedKey)),
  };
}

/** Attempts of a failing gRPC call (UNAVAILABLE, RESOURCE_EXHAUSTED, …) before it fails. */
const RETRY_ATTEMPTS = 4;

/**
 * The Temporal client. The connection is lazy: the API starts (and `/health` reports Temporal down) even when Temporal
 * is unreachable, and gRPC reconnects by itself when it comes back. The connection is closed on shutdown. Every payload
 * the client sends is encrypted by the payload codec, keyed like the worker's (`PAYLOAD_ENCRYPTION_KEYS`).
 */
@Global()
@Module({
  imports: [DatabaseModule],
  providers: [
    {
      provide: TEMPORAL_CONNECTION,
      inject: [API_SETTINGS],
      useFactory: (settings: ApiSettings) =>
        Connection.lazy({
          ...settings.temporal.connection,
          // An HTTP client is waiting: give up on an unreachable server after about a second of retries, not the
          // SDK's default ten attempts (~20 s), and answer 503 TEMPORAL_UNAVAILABLE.
          interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: RETRY_ATTEMPTS }))],
        }),
    },
    { provide: DATA_KEY_STORE, inject: [ReadModelService], useFactory: dataKeyStoreOf },
    {
      provide: PAYLOAD_CODEC,
      // The keys were read and checked with the other settings (loadApiSettings): missing keys in production stop the
      // API before Nest starts. Journeys' payloads are sealed with their own data keys (payload_data_keys, issue 15),
      // read through the read model's connection, which connects on first use.
      inject: [API_SETTINGS, DATA_KEY_STORE],
      useFactory: (settings: ApiSettings, dataKeys: DataKeyStore) => new AesGcmPayloadCodec(settings.payloadEncryption, { dataKeys }),
    },
    {
      provide: TEMPORAL_CLIENT,
      inject: [TEMPORAL_CONNECTION, API_SETTINGS, PAYLOAD_CODEC],
      useFactory: (connection: Connection, settings: ApiSettings, codec: AesGcmPayloadCodec) =>
        new Client({ connection, namespace: settings.temporal.namespace, dataConverter: { payloadCodecs: [codec] }, interceptors: { workflow: tracingClientInterceptors() } }),
    },
    TemporalGateway,
  ],
  exports: [TEMPORAL_CLIENT, TEMPORAL_CONNECTION, PAYLOAD_CODEC, DATA_KEY_STORE, TemporalGateway],
})
export class TemporalModule implements OnApplicationShutdown {
  private readonly logger = new Logger('Temporal');

  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
    this.logger.log('connection closed');
  }
}
