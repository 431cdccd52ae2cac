// Lint for every package. Beyond typescript-eslint's recommended set, the rules
// that matter most here ban the XSS and strict-CSP sinks: innerHTML/outerHTML,
// insertAdjacentHTML, document.write, unsafeHTML, eval and new Function.
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';

const sinks = [
  { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'innerHTML/outerHTML is banned: render with lit templates (text is escaped).' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'insertAdjacentHTML is banned.' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]", message: 'document.write is banned.' },
  { selector: "NewExpression[callee.name='Function']", message: 'new Function is banned (strict CSP).' },
  { selector: "CallExpression[callee.name='Function']", message: 'Function() is banned (strict CSP).' },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'storybook-static/**', '.cache/**', 'examples/*/dist/**', 'examples/*/node_modules/**', '**/custom-elements.json'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,js,mjs}'],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...sinks],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', importNames: ['z'], message: "Use `import * as z from 'zod'` (the named `z` bundles every locale)." }],
          patterns: [{ group: ['lit/directives/unsafe-html*', 'lit-html/directives/unsafe-html*', 'lit/directives/unsafe-svg*'], message: 'unsafeHTML/unsafeSVG are banned.' }],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['packages/components/**/*.ts', 'stories/**/*.ts', 'test/browser/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    // Tests may use `any` for hostile-input fixtures and chai's expression assertions.
    files: ['**/*.test.ts', 'test/**/*.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
