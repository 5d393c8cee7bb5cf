// Lint: TypeScript's recommended rules, no floating promises, exhaustive switches, and the
// dependency rule of README.md "Layout" as a local rule (libs never import apps, a lib is
// imported only through its index, the dashboard imports only contracts and scoring).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { dirname, relative, resolve, sep } from 'node:path';

const root = dirname(new URL(import.meta.url).pathname);
const DASHBOARD_ALLOWED = new Set(['@ducha/contracts', '@ducha/scoring']);

/** Where a file sits: ['libs', name] | ['apps', name] | other. */
function area(file) {
  const [top, name] = relative(root, file).split(sep);
  return top === 'libs' || top === 'apps' ? [top, name] : [top, undefined];
}

const boundaries = {
  meta: { type: 'problem', messages: { bad: '{{reason}}' }, schema: [] },
  create(context) {
    const file = context.filename;
    const [top, name] = area(file);
    const report = (node, reason) => context.report({ node, messageId: 'bad', data: { reason } });
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      if (source.startsWith('@ducha/')) {
        const [, lib, ...rest] = source.split('/');
        if (rest.length) report(node, `Import ${lib} through its index ('@ducha/${lib}'), not a deep path`);
        if (top === 'apps' && name === 'dashboard' && !DASHBOARD_ALLOWED.has(`@ducha/${lib}`)) report(node, 'The dashboard imports only @ducha/contracts and @ducha/scoring');
        if (top === 'libs' && lib === name) report(node, `Inside libs/${name} use relative imports, not its own alias`);
        return;
      }
      if (!source.startsWith('.')) return;
      const [targetTop, targetName] = area(resolve(dirname(file), source));
      if (top === 'libs' && targetTop === 'apps') report(node, 'Libs never import apps');
      else if (top === 'libs' && targetTop === 'libs' && targetName !== name) report(node, `Import libs/${targetName} as '@ducha/${targetName}', never by a relative path`);
      else if (top === 'apps' && targetTop === 'libs') report(node, `Import libs/${targetName} as '@ducha/${targetName}'`);
      else if (top === 'apps' && targetTop === 'apps' && targetName !== name) report(node, `apps/${name} must not import apps/${targetName}`);
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'tmp/**', 'artifacts/**', '**/*.d.ts', 'apps/dashboard/vite.config.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: root },
      globals: { ...globals.node },
    },
    plugins: { ducha: { rules: { boundaries } } },
    rules: {
      'ducha/boundaries': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['apps/dashboard/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-console': ['error', { allow: ['error', 'warn'] }] },
  },
  {
    files: ['bench/**/*.ts', '**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.browser-spec.ts', 'apps/*/test/**/*.ts', 'libs/testing/**/*.ts'],
    rules: { 'no-console': 'off', 'ducha/boundaries': 'off' },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
