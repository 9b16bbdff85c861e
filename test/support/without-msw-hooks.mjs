// Module resolution hook: `msw` and `msw/*` fail the way a missing package does.
export async function resolve(specifier, context, next) {
  if (specifier === "msw" || specifier.startsWith("msw/")) {
    const error = new Error(
      `Cannot find package '${specifier}' imported from ${context.parentURL}`,
    );
    error.code = "ERR_MODULE_NOT_FOUND";
    throw error;
  }
  return next(specifier, context);
}
