import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateSchemas } from '../scripts/schema';

/** The committed SDL files must be what the code produces, and composition must succeed. */
test('schema/ matches the code (run `npm run schema` after changing a subgraph)', async () => {
  const files = await generateSchemas();
  expect(files.size).toBe(7);
  for (const [file, content] of files) {
    const committed = readFileSync(path.resolve(__dirname, '..', file), 'utf8');
    expect({ file, content: committed }).toEqual({ file, content });
  }
});
