/**
 * Mints a development token: `npm run token -- --role AGENCY_OFFICER --agency POLICE [--org-unit 522] [--subject name] [--expires 8h]`.
 * Roles: AGENCY_OFFICER, AGENCY_HEAD, DISTRICT_OFFICER, COORDINATOR, ANALYST (repeat --role for several).
 */
import { mintDevToken, Role, ROLES } from '@qn/common';

async function main() {
  const args = process.argv.slice(2);
  const roles: Role[] = [];
  let agency: string | null = null;
  let orgUnit: string | null = null;
  let subject = 'local-user';
  let expiresIn = '8h';
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--role') {
      if (!(ROLES as readonly string[]).includes(value)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
      roles.push(value as Role);
    } else if (flag === '--agency') agency = value;
    else if (flag === '--org-unit') orgUnit = value;
    else if (flag === '--subject') subject = value;
    else if (flag === '--expires') expiresIn = value;
    else throw new Error(`unknown option ${flag}`);
  }
  if (roles.length === 0) throw new Error('give at least one --role');
  console.log(await mintDevToken({ subject, agency, roles, orgUnit }, { expiresIn }));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
