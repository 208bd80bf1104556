/**
 * zod, as the journey workflow's sandboxes share it: the worker preloads this module once per workflow thread
 * (`WORKFLOW_PRELOAD_MODULES` in apps/worker), so every cached journey uses one zod instead of evaluating its own (the
 * bundler drops a bare `zod` preload, the package being marked free of side effects). Nothing else imports it.
 */
export { z } from 'zod';
