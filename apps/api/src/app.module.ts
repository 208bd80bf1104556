import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AuditModule } from './audit/audit.module';
import { AuthGuard } from './auth/auth.guard';
import { AuthModule } from './auth/auth.module';
import { CodecModule } from './codec/codec.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import type { ApiSettings } from './config/api-settings';
import { ConfigModule } from './config/config.module';
import { ConsoleModule } from './console/console.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { JourneysModule } from './journeys/journeys.module';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OfficesModule } from './offices/offices.module';
import { PactDocumentsModule } from './pact-documents/pact-documents.module';
import { PeopleModule } from './people/people.module';
import { ProgrammesModule } from './programmes/programmes.module';
import { RetentionModule } from './retention/retention.module';
import { SideEffectsModule } from './side-effects/side-effects.module';
import { StaffModule } from './staff/staff.module';
import { SupervisorModule } from './supervisor/supervisor.module';
import { TemporalModule } from './temporal/temporal.module';

@Module({})
export class AppModule {
  static forRoot(settings: ApiSettings): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(settings),
        // Per client address, before authentication: it also slows down token guessing.
        ThrottlerModule.forRoot([{ ttl: 60_000, limit: settings.rateLimitPerMinute }]),
        AuthModule,
        AuditModule,
        TemporalModule,
        JourneysModule,
        PactDocumentsModule,
        ImportsModule,
        ProgrammesModule,
        SupervisorModule,
        StaffModule,
        OfficesModule,
        PeopleModule,
        RetentionModule,
        NotificationsModule,
        CodecModule,
        HealthModule,
        SideEffectsModule,
        MetricsModule,
        // Last: its static files and index.html fallback come after every API route.
        ConsoleModule.forRoot(settings),
      ],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        // Global guards run in this order: rate limit first, then the bearer token and roles.
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useExisting: AuthGuard },
      ],
    };
  }
}
