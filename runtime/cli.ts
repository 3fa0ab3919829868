/** The process of oci-ts-runtime's command line: runs main() and exits with its status. */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
