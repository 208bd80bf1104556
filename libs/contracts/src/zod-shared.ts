/**
 * zod, as the journey workflow's sandboxes share it: the worker preloads this module once per workflow thread
 * (`WORKFLOW_PRELOAD_MODULES` in apps/worker), so every cached journey uses one zod instead of evaluating its own (the
 * bundler drops a bare `zod` preload, the package being marked free of side effects). Nothing else imports it.
 */
import { z } from 'zod';

// zod writes its defaults (the English messages, the containers' memoizer) into its shared config when it builds its
// first schema. The SDK deep-freezes a preloaded module once loaded, so that first schema is built here, before.
z.strictObject({ preloaded: z.string() });

export { z };
