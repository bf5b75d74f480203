// ESLint flat config: TypeScript everywhere, React hooks rules for the mini program, Prettier owns formatting.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cloud-data/**', '.swc/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // src/core is shared by the mini program and the cloud functions: it must stay platform-free
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@tarojs/*', 'wx-server-sdk', 'node:*', 'react', 'react-dom', 'fs', 'path', 'crypto'] },
      ],
    },
  },
  {
    // what people type stays text in the browser: no HTML from strings, and no Taro API that writes one as HTML
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'Taro',
          property: 'setNavigationBarTitle',
          message:
            "Taro's H5 bar writes the title as HTML: use setNavigationTitle from @services/page/navigation-title.",
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Show text, not HTML.' },
        {
          selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Use textContent: the text may be what someone typed.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Build elements with textContent.',
        },
      ],
    },
  },
  {
    // the one place that may call Taro's title API (WeChat's bar shows text)
    files: ['src/services/page/navigation-title.weapp.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.cjs', '**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
)
