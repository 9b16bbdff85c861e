/** This package's version, sent in `User-Agent: copilot-admin-sdk/<version>` (kept equal to package.json by a test). */
export const VERSION = "0.1.0";
