// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'artifacts/', 'tests/fixtures/', 'demo/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Render page and fact text as text: no innerHTML/outerHTML in extension code.',
        },
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render page and fact text as text: no dangerouslySetInnerHTML.',
        },
      ],
    },
  },
  {
    // Tests may build hostile pages from strings on purpose.
    files: ['tests/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
