import { builtinModules } from 'node:module';
import nx from '@nx/eslint-plugin';

const TS = ['**/*.ts'];

/** Modules workflow code must never import: Node built-ins and anything that does I/O or is not deterministic. */
const NOT_IN_WORKFLOWS = [
  'node:*',
  'typeorm',
  'pg',
  '@nestjs/*',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
  '@sal/persistence',
  '@sal/activities',
  '@sal/temporal',
  '@sal/infra',
  'axios',
  'nodemailer',
];

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', '**/*.cjs', '**/jest.config.*'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: TS,
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // Rules are pure: they depend on nothing of ours.
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
            // The environment schema mechanism (@sal/config) depends on nothing of ours; every process but the pure
            // rules and the workflow code may use it.
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:contract', onlyDependOnLibsWithTags: ['type:domain'] },
            // Deterministic workflow code sees rules and message contracts, never persistence, Nest or I/O.
            { sourceTag: 'type:workflow', onlyDependOnLibsWithTags: ['type:domain', 'type:contract'] },
            { sourceTag: 'type:persistence', onlyDependOnLibsWithTags: ['type:domain', 'type:util'] },
            { sourceTag: 'type:config', onlyDependOnLibsWithTags: ['type:domain', 'type:contract', 'type:util'] },
            { sourceTag: 'type:activity', onlyDependOnLibsWithTags: ['type:domain', 'type:contract', 'type:persistence'] },
            // Delivery (outbox, dispatcher, SMTP) reads notices and the staff directory; nothing of Temporal or Nest.
            { sourceTag: 'type:notifications', onlyDependOnLibsWithTags: ['type:domain', 'type:persistence', 'type:util'] },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:config', 'type:util'] },
            // Apps are leaves: nothing imports an app but the tests.
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contract', 'type:persistence', 'type:config', 'type:util', 'type:activity', 'type:workflow', 'type:notifications'],
            },
            {
              sourceTag: 'type:test',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contract', 'type:persistence', 'type:config', 'type:util', 'type:activity', 'type:workflow', 'type:app', 'type:infra', 'type:notifications'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['workflows/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinModules.map((name) => ({ name, message: 'workflow code has no Node built-ins' })),
          patterns: NOT_IN_WORKFLOWS.map((name) => ({ group: [name], message: 'workflow code must stay deterministic and free of I/O' })),
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-globals': ['error', { name: 'setTimeout', message: 'use sleep() or condition() from @temporalio/workflow' }, { name: 'setInterval', message: 'use a timer loop with sleep()' }, { name: 'fetch', message: 'I/O belongs in activities' }, { name: 'process', message: 'workflow code has no process' }],
    },
  },
  {
    files: ['libs/domain/src/**/*.ts', 'libs/contracts/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinModules.map((name) => ({ name, message: 'domain and contract code is pure' })),
          patterns: ['node:*', 'typeorm', 'pg', '@nestjs/*', '@temporalio/client', '@temporalio/worker'].map((name) => ({ group: [name], message: 'domain and contract code is pure' })),
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
];
