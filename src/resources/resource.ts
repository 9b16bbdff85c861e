/** Base of the namespace classes: each holds the client's operation runner. */
import type { OperationRunner } from "../internal/operations/runner.js";

/** A namespace of `CopilotClient` (`seats`, `teams`, ...). */
export abstract class Resource {
  /** @internal */
  protected readonly _runner: OperationRunner;

  /** @internal Namespaces are created by `CopilotClient`. */
  constructor(runner: OperationRunner) {
    this._runner = runner;
  }
}
