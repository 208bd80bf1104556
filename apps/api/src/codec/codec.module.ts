import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { CodecCorsMiddleware } from './codec-cors.middleware';
import { API_SETTINGS } from '../config/config.module';
import type { ApiSettings } from '../config/api-settings';
import { CodecController } from './codec.controller';
import { CodecService } from './codec.service';
import { AesGcmPayloadCodec, type DataKeyStore } from '@sal/temporal';
import { DATA_KEY_STORE } from '../temporal/temporal.tokens';
import { CODEC_SETTINGS, ENDPOINT_CODEC } from './codec.tokens';

/**
 * The remote codec endpoint of the Temporal Web UI and CLI. Its payload codec has the keys and the key store of the
 * global TemporalModule's, so the endpoint opens exactly what the API's client and the worker seal; it caches no data
 * key (a shredded journey reads as erased at once).
 */
@Module({
  // The read model tells which office a payload's journey belongs to.
  imports: [DatabaseModule],
  controllers: [CodecController],
  providers: [
    CodecService,
    // Read with the other settings in loadApiSettings, so its problems are listed with theirs.
    { provide: CODEC_SETTINGS, inject: [API_SETTINGS], useFactory: (settings: ApiSettings) => settings.codec },
    {
      provide: ENDPOINT_CODEC,
      inject: [API_SETTINGS, DATA_KEY_STORE],
      useFactory: (settings: ApiSettings, dataKeys: DataKeyStore) => new AesGcmPayloadCodec(settings.payloadEncryption, { dataKeys, dataKeyCache: { ttlMs: 0 } }),
    },
  ],
})
export class CodecModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Every method, so the browser's OPTIONS preflight is answered too.
    consumer.apply(CodecCorsMiddleware).forRoutes({ path: 'codec/encode', method: RequestMethod.ALL }, { path: 'codec/decode', method: RequestMethod.ALL });
  }
}
