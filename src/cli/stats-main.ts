/**
 * Stand-alone entry for `stats` alone (`node --import tsx src/cli/stats-main.ts stats dsr …`): the same
 * command as `wcc stats`, without loading the other commands. Used for testing the tsx path.
 */
import { main } from './stats-entry.ts';

process.exitCode = await main(process.argv.slice(2));
