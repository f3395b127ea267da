/**
 * Mints a development token signed with the development key (keys/dev); see `--help`.
 */
import { parseArgs } from 'node:util';
import { Role, ROLES } from '@qn/common';
import { mintDevToken } from '@qn/dev';

const HELP = `Mints a development token for the local graph (signed with keys/dev; the gateway does not trust that key in production).

usage: npm run token -- --role ROLE [--role ROLE…] [--agency CODE] [--org-unit ID] [--subject NAME] [--expires 8h]

  --role       ${ROLES.join(', ')} (repeat for several)
  --agency     the caller's agency code, e.g. LABOUR, POLICE, HEALTH, DISTRICTS
  --org-unit   the local unit a DISTRICT_OFFICER works for: a district (524, Bình Sơn) to 30/6/2025, a commune-level unit (21040-2025-07) after
  --subject    the caller's name in the audit log (default local-user)
  --expires    lifetime, e.g. 30m, 8h (default 8h)
  -h, --help   this text

example: TOKEN=$(npm run -s token -- --role COORDINATOR --agency LABOUR)`;

async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true, default: [] },
      agency: { type: 'string' },
      'org-unit': { type: 'string' },
      subject: { type: 'string', default: 'local-user' },
      expires: { type: 'string', default: '8h' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  for (const role of values.role) {
    if (!(ROLES as readonly string[]).includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}, got '${role}'`);
  }
  if (values.role.length === 0) throw new Error('give at least one --role (see --help)');
  const identity = { subject: values.subject, agency: values.agency ?? null, roles: values.role as Role[], orgUnit: values['org-unit'] ?? null };
  console.log(await mintDevToken(identity, { expiresIn: values.expires }));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
