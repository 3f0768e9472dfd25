import { valueError } from './fake-odoo-errors.ts';

// Odoo domains (prefix notation, implicit '&' between terms) and `order` clauses, over
// rows whose values are as the fake stores them: many2one as an id or false, x2many as
// an id list, datetimes as "YYYY-MM-DD HH:MM:SS" text.

export type FieldValueOf = (row: Readonly<Record<string, unknown>>, field: string) => unknown;
type Predicate = (row: Readonly<Record<string, unknown>>) => boolean;

export function compileDomain(domain: unknown, valueOf: FieldValueOf): Predicate {
  if (!Array.isArray(domain)) throw valueError(`Invalid domain: ${JSON.stringify(domain)}`);
  const terms = domain as unknown[];
  let at = 0;
  const next = (): Predicate => {
    if (at >= terms.length) throw valueError('Invalid domain: an operator lacks operands');
    const term = terms[at++];
    if (term === '&' || term === '|') {
      const left = next();
      const right = next();
      return term === '&' ? (row) => left(row) && right(row) : (row) => left(row) || right(row);
    }
    if (term === '!') {
      const inner = next();
      return (row) => !inner(row);
    }
    return leaf(term, valueOf);
  };
  const all: Predicate[] = [];
  while (at < terms.length) all.push(next());
  return (row) => all.every((predicate) => predicate(row));
}

function leaf(term: unknown, valueOf: FieldValueOf): Predicate {
  if (!Array.isArray(term) || term.length !== 3 || typeof term[0] !== 'string' || typeof term[1] !== 'string') {
    throw valueError(`Invalid leaf ${JSON.stringify(term)}`);
  }
  const [field, operator, value] = term as [string, string, unknown];
  const test = comparison(operator, value);
  return (row) => test(valueOf(row, field));
}

function comparison(operator: string, value: unknown): (actual: unknown) => boolean {
  switch (operator) {
    case '=':
      return (actual) => equals(actual, value);
    case '!=':
      return (actual) => !equals(actual, value);
    case '>':
      return (actual) => compare(actual, value) > 0;
    case '>=':
      return (actual) => compare(actual, value) >= 0;
    case '<':
      return (actual) => compare(actual, value) < 0;
    case '<=':
      return (actual) => compare(actual, value) <= 0;
    case 'in':
    case 'not in': {
      if (!Array.isArray(value)) throw valueError(`Invalid domain: "${operator}" needs a list`);
      const inList = (actual: unknown) => (Array.isArray(actual) ? actual.some((item) => value.includes(item)) : value.includes(actual));
      return operator === 'in' ? inList : (actual) => !inList(actual);
    }
    case 'like':
    case 'ilike':
    case 'not ilike': {
      const pattern = likePattern(String(value), operator !== 'like');
      const matches = (actual: unknown) => typeof actual === 'string' && pattern.test(actual);
      return operator === 'not ilike' ? (actual) => !matches(actual) : matches;
    }
    default:
      throw valueError(`Invalid domain operator ${JSON.stringify(operator)}`);
  }
}

function equals(actual: unknown, value: unknown): boolean {
  if (Array.isArray(actual)) return value === false ? actual.length === 0 : actual.includes(value);
  if (value === false) return actual === false || actual === null || actual === '';
  return actual === value;
}

function compare(actual: unknown, value: unknown): number {
  if (actual === false || actual === null) return Number.NaN;
  if (typeof actual === 'number' && typeof value === 'number') return actual - value;
  if (typeof actual === 'string' && typeof value === 'string') return actual < value ? -1 : actual > value ? 1 : 0;
  return Number.NaN;
}

/** SQL LIKE as Odoo runs it: the value is wrapped in %…%, and % and _ stay wildcards. */
function likePattern(value: string, caseInsensitive: boolean): RegExp {
  const body = [...value].map((char) => (char === '%' ? '.*' : char === '_' ? '.' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(body, caseInsensitive ? 'is' : 's');
}

/** An `order` clause ("write_date asc, id asc") as a comparator; unknown fields are refused. */
export function compileOrder(order: string, valueOf: FieldValueOf, knownField: (field: string) => boolean) {
  const keys = order
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [field = '', direction = 'asc', ...rest] = part.split(/\s+/);
      if (!knownField(field) || rest.length > 0 || !/^(asc|desc)$/i.test(direction)) throw valueError(`Invalid "order" specified (${order})`);
      return { field, sign: direction.toLowerCase() === 'desc' ? -1 : 1 };
    });
  return (a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): number => {
    for (const { field, sign } of keys) {
      const left = sortable(valueOf(a, field));
      const right = sortable(valueOf(b, field));
      if (left < right) return -sign;
      if (left > right) return sign;
    }
    return 0;
  };
}

function sortable(value: unknown): number | string {
  // Postgres sorts NULLs last in ascending order.
  if (value === false || value === null || value === undefined) return '\uffff';
  return typeof value === 'number' || typeof value === 'string' ? value : String(value);
}
