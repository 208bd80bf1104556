import { Runtime } from '@temporalio/worker';
import type { DeliveryAttemptOutcome } from '@sal/notifications';
import { WORKER_PRODUCT_METRICS } from '@sal/temporal';

/**
 * The product's own metrics of the worker process, on the Temporal runtime's meter: the same Prometheus endpoint as
 * the SDK's serves them (`WORKER_METRICS_PORT`). No address, no content in labels: only the outcome.
 */
export function workerProductMetrics(): { onAttempt(attempt: DeliveryAttemptOutcome): void } {
  const meter = Runtime.instance().metricMeter;
  const attempts = meter.createCounter(WORKER_PRODUCT_METRICS.deliveryAttempts, undefined, 'Notification delivery attempts by outcome (sent, retry, failed)');
  const latency = meter.createHistogram(WORKER_PRODUCT_METRICS.deliveryLatency, 'float', undefined, 'Seconds from a notice recorded to the end of its delivery attempt');
  return {
    onAttempt({ outcome, secondsSinceRecorded }) {
      attempts.add(1, { outcome });
      latency.record(secondsSinceRecorded, { outcome });
    },
  };
}
