// Lint: TypeScript rules plus the rooms of docs/architecture.md (eslint-rules/rooms.js): imports point
// one way between rooms, and only the shell and the preload may import electron.
import tseslint from 'typescript-eslint';
import rooms from './eslint-rules/rooms.js';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'release/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { switchboard: rooms },
    rules: { 'switchboard/rooms': 'error' },
  },
);
