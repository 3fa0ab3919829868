import type { CompiledSchema } from '../../schemas/compiled.js';
export declare const loaders: Readonly<Record<string, () => Promise<CompiledSchema>>>;
