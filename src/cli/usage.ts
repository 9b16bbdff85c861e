/** A usage error of `copilot-admin`: printed as `error: <message>`, exit code 2. */
export class UsageError extends Error {}
