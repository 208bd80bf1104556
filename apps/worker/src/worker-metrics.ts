import { Runtime } from '@temporalio/worker';
import type { DeliveryAttemptOutcome } from '@sal/notifications';

/**
 * The product's own metrics of the worker process, on the Temporal runtime's meter: they are served by the same
 * Prometheus endpoint as the SDK's (`WORKER_METRICS_PORT`). Names as Prometheus shows them are in
 * `WORKER_PRODUCT_METRICS` (the Grafana dashboard's test checks them).
 */
export const WORKER_PRODUCT_METRICS = {
  /** Counter by `outcome` (sent, retry, failed). */
  deliveryAttempts: 'sal_notification_delivery_attempts',
  /** Histogram (seconds) from the notice's recording to the attempt's end, by `outcome`. */
  deliveryLatency: 'sal_notification_delivery_latency',
} as const;

/** The names the worker's Prometheus endpoint shows for them (the exporter adds `_total` and the unit). */
export const WORKER_PRODUCT_METRIC_NAMES = ['sal_notification_delivery_attempts_total', 'sal_notification_delivery_latency_seconds'] as const;

export function workerProductMetrics(): { onAttempt(attempt: DeliveryAttemptOutcome): void } {
  const meter = Runtime.instance().metricMeter;
  const attempts = meter.createCounter(WORKER_PRODUCT_METRICS.deliveryAttempts, undefined, 'Notification delivery attempts by outcome');
  const latency = meter.createHistogram(WORKER_PRODUCT_METRICS.deliveryLatency, 'float', 's', 'Seconds from a notice recorded to its delivery attempt');
  return {
    onAttempt({ outcome, secondsSinceRecorded }) {
      attempts.add(1, { outcome });
      latency.record(secondsSinceRecorded, { outcome });
    },
  };
}
