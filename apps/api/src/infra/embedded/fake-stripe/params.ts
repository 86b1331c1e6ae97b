import { ParamError } from './errors.js';

/**
 * Stripe's request format: form-encoded with bracket notation (`line_items[0][price_data][unit_amount]=35000000`,
 * `metadata[order]=…`, `expand[]=…`), in POST bodies and GET query strings alike.
 */
export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

export function parseForm(encoded: string): FormObject {
  const root: FormObject = Object.create(null);
  for (const [key, value] of new URLSearchParams(encoded)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
    if (!match) throw new ParamError(`Invalid parameter name: ${key}`, key);
    const path = [match[1], ...[...match[2].matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1])];
    let node = root;
    for (let i = 0; i < path.length; i++) {
      let segment = path[i];
      const last = i === path.length - 1;
      if (segment === '') segment = String(Object.keys(node).length); // `a[]=x` appends
      const existing = node[segment];
      if (last) {
        if (existing !== undefined && typeof existing !== 'string') throw new ParamError(`Invalid ${key}: it is given both as a value and as a hash`, key);
        node[segment] = value;
      } else {
        if (typeof existing === 'string') throw new ParamError(`Invalid ${key}: it is given both as a value and as a hash`, key);
        node = (existing as FormObject | undefined) ?? (node[segment] = Object.create(null) as FormObject);
      }
    }
  }
  return arraysFromIndexes(root) as FormObject;
}

/** `{0: a, 1: b}` → `[a, b]`, as Stripe reads `list[0]`, `list[1]`. */
function arraysFromIndexes(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  for (const key of keys) value[key] = arraysFromIndexes(value[key]);
  if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((key) => value[key]);
  }
  return value;
}

/** Canonical text of parsed parameters: equal for the same request whatever the order of its fields. */
export function canonical(value: FormValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
}

/**
 * Reads one level of parameters with Stripe's error messages, naming the full param path; `done()`
 * refuses anything left unread, as Stripe refuses unknown parameters (so a typo fails loudly here too).
 */
export class Params {
  private readonly read = new Set<string>();
  private readonly children: Params[] = [];

  constructor(
    private readonly data: FormObject,
    private readonly prefix = '',
  ) {}

  path(name: string): string {
    return this.prefix ? `${this.prefix}[${name}]` : name;
  }

  has(name: string): boolean {
    return this.data[name] !== undefined;
  }

  isHash(name: string): boolean {
    const value = this.data[name];
    return value !== undefined && typeof value !== 'string' && !Array.isArray(value);
  }

  string(name: string, options: { required: true; max?: number }): string;
  string(name: string, options?: { required?: false; max?: number }): string | undefined;
  string(name: string, { required = false, max = 5000 }: { required?: boolean; max?: number } = {}): string | undefined {
    this.read.add(name);
    const value = this.data[name];
    const path = this.path(name);
    if (value === undefined) {
      if (required) throw new ParamError(`Missing required param: ${path}.`, path, 'parameter_missing');
      return undefined;
    }
    if (typeof value !== 'string') throw new ParamError(`Invalid string: ${path} must be a string, not a hash or an array`, path);
    if (value === '') {
      throw new ParamError(
        `You passed an empty string for '${path}'. We assume empty values are an attempt to unset a parameter; however '${path}' cannot be unset. You should remove '${path}' from your request or supply a non-empty value.`,
        path,
        'parameter_invalid_empty',
      );
    }
    if (value.length > max) throw new ParamError(`Invalid ${path}: must be at most ${max} characters`, path, 'parameter_invalid_string_length');
    return value;
  }

  integer(name: string, options: { required: true; min?: number; max?: number }): number;
  integer(name: string, options?: { required?: false; min?: number; max?: number }): number | undefined;
  integer(name: string, { required = false, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER }: { required?: boolean; min?: number; max?: number } = {}): number | undefined {
    const raw = required ? this.string(name, { required: true }) : this.string(name);
    if (raw === undefined) return undefined;
    const path = this.path(name);
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value)) throw new ParamError(`Invalid integer: ${raw}`, path, 'parameter_invalid_integer');
    if (value < min) throw new ParamError(`This value must be greater than or equal to ${min}.`, path, 'parameter_invalid_integer');
    if (value > max) throw new ParamError(`This value must be less than or equal to ${max}.`, path, 'parameter_invalid_integer');
    return value;
  }

  oneOf<T extends string>(name: string, values: readonly T[], required = false): T | undefined {
    const value = required ? this.string(name, { required: true }) : this.string(name);
    if (value === undefined) return undefined;
    if (!(values as readonly string[]).includes(value)) {
      throw new ParamError(`Invalid ${this.path(name)}: must be one of ${values.join(', ')}`, this.path(name));
    }
    return value as T;
  }

  url(name: string): string | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    // {CHECKOUT_SESSION_ID} is a template, filled in when the buyer is sent back.
    if (!URL.canParse(value.replaceAll('{CHECKOUT_SESSION_ID}', 'x')) || !/^https?:/i.test(value)) {
      throw new ParamError('Not a valid URL', this.path(name), 'url_invalid');
    }
    return value;
  }

  /** A nested hash (`name[field]=…`), read with its own Params; undefined when absent. */
  object(name: string): Params | undefined {
    this.read.add(name);
    const value = this.data[name];
    if (value === undefined) return undefined;
    if (typeof value === 'string' || Array.isArray(value)) throw new ParamError(`Invalid object: ${this.path(name)} must be a hash`, this.path(name));
    return this.child(value, this.path(name));
  }

  /** A list of hashes (`name[0][field]=…`). */
  objects(name: string): Params[] | undefined {
    this.read.add(name);
    const value = this.data[name];
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw new ParamError(`Invalid array: ${this.path(name)} must be a list such as ${this.path(name)}[0][…]`, this.path(name));
    return value.map((item, index) => {
      const path = `${this.path(name)}[${index}]`;
      if (typeof item === 'string' || Array.isArray(item)) throw new ParamError(`Invalid object: ${path} must be a hash`, path);
      return this.child(item, path);
    });
  }

  /** Stripe's metadata rules: up to 50 keys of ≤ 40 characters, values ≤ 500; an empty value means "not set". */
  metadata(name = 'metadata'): Record<string, string> {
    const hash = this.object(name);
    if (!hash) return {};
    const entries = Object.entries(hash.data);
    if (entries.length > 50) throw new ParamError('Metadata can have at most 50 keys', this.path(name));
    const metadata: [string, string][] = [];
    for (const [key, value] of entries) {
      hash.read.add(key);
      const path = hash.path(key);
      if (typeof value !== 'string') throw new ParamError(`Invalid metadata: ${path} must be a string`, path);
      if (key.length > 40) throw new ParamError(`Metadata keys can be at most 40 characters (${path})`, path);
      if (value.length > 500) throw new ParamError(`Metadata values can be at most 500 characters (${path})`, path);
      if (value !== '') metadata.push([key, value]);
    }
    return Object.fromEntries(metadata);
  }

  /** Fails on the first parameter nobody read, anywhere below this level. */
  done(): void {
    for (const key of Object.keys(this.data)) {
      if (!this.read.has(key)) throw new ParamError(`Received unknown parameter: ${this.path(key)}`, this.path(key), 'parameter_unknown');
    }
    for (const child of this.children) child.done();
  }

  private child(data: FormObject, path: string): Params {
    const params = new Params(data, path);
    this.children.push(params);
    return params;
  }
}
