// Lint: TypeScript rules plus the one architectural rule that matters most — only the shell and the
// preload may import electron. Core, providers, auth, simulator, runtime, shared, renderer and the
// browser preview never do.
import tseslint from 'typescript-eslint';

const electronBan = {
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'electron', message: 'Only src/main/shell and src/preload may import electron.' }],
      patterns: [{ group: ['electron/*'], message: 'Only src/main/shell and src/preload may import electron.' }],
    },
  ],
};

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
    files: [
      'src/main/core/**',
      'src/main/providers/**',
      'src/main/auth/**',
      'src/main/simulator/**',
      'src/main/runtime/**',
      'src/shared/**',
      'src/renderer/**',
      'src/preview/**',
    ],
    rules: electronBan,
  },
);
