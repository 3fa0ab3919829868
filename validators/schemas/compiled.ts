import type { SchemaMeta } from './meta.js';

/** An ajv error as standalone code reports it (the subset we read). */
export interface AjvError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}

export interface StandaloneValidate {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

/** What a generated schema module exports. */
export interface CompiledSchema {
  readonly default: StandaloneValidate;
  readonly meta: SchemaMeta;
}
