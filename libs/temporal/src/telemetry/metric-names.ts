/**
 * Names the worker's Prometheus endpoint shows (`WORKER_METRICS_PORT`), as Prometheus sees them. The product's own
 * are registered under these names on the Temporal runtime's meter (apps/worker/src/worker-metrics.ts); the SDK's
 * are Temporal Core's, with `_total` on counters and seconds for durations (the worker's exporter options), and the
 * observability e2e test checks them against a real scrape. The Grafana dashboard's test reads both lists.
 */
export const WORKER_PRODUCT_METRICS = {
  /** Counter by `outcome` (sent, retry, failed). */
  deliveryAttempts: 'sal_notification_delivery_attempts',
  /** Histogram (seconds) from a notice's recording to its delivery attempt's end, by `outcome`. */
  deliveryLatency: 'sal_notification_delivery_latency_seconds',
} as const;

/** The series names of the product's worker metrics (counters gain `_total`, histograms `_bucket`, `_sum`, `_count`). */
export const WORKER_PRODUCT_METRIC_NAMES = ['sal_notification_delivery_attempts_total', 'sal_notification_delivery_latency_seconds'] as const;

/** The Temporal SDK's worker metrics the dashboard and the alerts use (a subset of what Core exports). */
export const TEMPORAL_SDK_METRIC_NAMES = [
  'temporal_worker_task_slots_available',
  'temporal_worker_task_slots_used',
  'temporal_workflow_task_schedule_to_start_latency_seconds',
  'temporal_activity_schedule_to_start_latency_seconds',
  'temporal_workflow_task_execution_latency_seconds',
  'temporal_activity_execution_latency_seconds',
  'temporal_activity_execution_failed_total',
  'temporal_workflow_task_execution_failed_total',
  'temporal_sticky_cache_size',
  'temporal_sticky_cache_hit_total',
  'temporal_sticky_cache_miss_total',
  'temporal_request_failure_total',
] as const;
