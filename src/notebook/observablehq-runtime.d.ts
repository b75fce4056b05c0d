/**
 * Types for @observablehq/runtime 6 (the package ships none), covering what
 * the notebook uses. See node_modules/@observablehq/runtime/README.md.
 */
declare module '@observablehq/runtime' {
  export interface Observer {
    pending?(): void;
    fulfilled?(value: unknown, name?: string | null): void;
    rejected?(error: unknown, name?: string | null): void;
  }

  export class Variable {
    define(name: string | null, inputs: readonly string[], definition: (...inputs: any[]) => unknown): this;
    define(inputs: readonly string[], definition: (...inputs: any[]) => unknown): this;
    import(name: string, alias: string, module: Module): this;
    import(name: string, module: Module): this;
    delete(): this;
    dispose(): void;
  }

  export class Module {
    variable(observer?: Observer | boolean, options?: { shadow?: Record<string, unknown> }): Variable;
    define(name: string | null, inputs: readonly string[], definition: (...inputs: any[]) => unknown): Variable;
    redefine(name: string, inputs: readonly string[], definition: (...inputs: any[]) => unknown): Variable;
    builtin(name: string, value: unknown): void;
    value(name: string): Promise<unknown>;
  }

  export class Runtime {
    constructor(builtins?: Record<string, unknown>, global?: (name: string) => unknown);
    module(): Module;
    dispose(): void;
  }

  export class RuntimeError extends Error {
    constructor(message: string, input?: string);
    readonly input?: string;
  }
}
