// The rooms of docs/architecture.md, enforced by lint: a forbidden import fails `npm run lint`, and the
// real tree has none.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function roomErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: resolve(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'switchboard/rooms').map((m) => m.message);
}

describe('rooms', () => {
  it.each([
    [
      'src/main/core/bad.ts',
      "import { createWebexProvider } from '../providers/webex/index';\nexport const x = createWebexProvider;\n",
      'core may not import providers/webex',
    ],
    [
      'src/main/providers/webex/bad.ts',
      "import type { SwitchboardCore } from '../../core/switchboard-core';\nexport type X = SwitchboardCore;\n",
      'providers/webex may not import core',
    ],
    [
      'src/main/providers/webex/bad.ts',
      "import { x } from '../ringcentral/client';\nexport const y = x;\n",
      'providers never import each other',
    ],
    [
      'src/main/simulator/webex/bad.ts',
      "import type { WireCall } from '../../providers/webex/wire';\nexport type X = WireCall;\n",
      'simulator/webex may not import providers/webex',
    ],
    ['src/preview/bad.ts', "import { x } from '../main/shell/tray';\nexport const y = x;\n", 'preview may not import shell'],
    ['src/renderer/bad.ts', "import { x } from '../main/core/call-store';\nexport const y = x;\n", 'renderer may not import core'],
    [
      'src/main/core/bad.ts',
      "import { app } from 'electron';\nexport const y = app;\n",
      'Only src/main/shell and src/preload may import electron',
    ],
  ])('%s: a forbidden import fails lint', async (file, source, expected) => {
    const errors = await roomErrors(file, source);
    expect(errors.join('\n')).toContain(expected);
  });

  it('allows what the table allows', async () => {
    expect(
      await roomErrors('src/main/core/ok.ts', "import type { Provider } from '../provider-api/provider';\nexport type X = Provider;\n"),
    ).toEqual([]);
    expect(await roomErrors('src/main/shell/ok.ts', "import { app } from 'electron';\nexport const y = app;\n")).toEqual([]);
  });

  it('the source tree has no forbidden import', async () => {
    const results = await eslint.lintFiles(['src/**/*.{ts,tsx}']);
    const problems = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId === 'switchboard/rooms').map((m) => `${r.filePath}:${m.line} ${m.message}`),
    );
    expect(problems).toEqual([]);
  }, 60_000);
});
