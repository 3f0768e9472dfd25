import { credential } from './credential.ts';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
    /** BAD_REQUEST's list of problems, each naming its field ("timeFactor: must be at most 100"). */
    readonly problems: string[] = [],
  ) {
    super(message);
  }
}

type GraphQLErrors = { message: string; extensions?: { code?: string; problems?: unknown } }[];

const problemsOf = (extensions: GraphQLErrors[number]['extensions']) =>
  Array.isArray(extensions?.problems) ? extensions.problems.filter((problem): problem is string => typeof problem === 'string') : [];

/** One GraphQL call with the current credential; errors become ApiError with the server's safe message. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const token = await credential();
  if (!token) throw new ApiError('Sign in with an API key', 401, 'UNAUTHENTICATED');
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: GraphQLErrors; error?: { code?: string; message?: string } };
  if (body.error) throw new ApiError(body.error.message ?? 'Request failed', response.status, body.error.code);
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, response.status, first.extensions?.code, problemsOf(first.extensions));
  if (!body.data) throw new ApiError('Empty answer', response.status, undefined);
  return body.data;
}

/** An authenticated GET of a binary resource (the job ticket PDF). */
export async function fetchBlob(path: string): Promise<Blob> {
  const token = await credential();
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ApiError(`Download failed (${response.status})`, response.status, undefined);
  return response.blob();
}

/**
 * A GraphQL mutation carrying files (the multipart request spec): each key of `files` is
 * the variable a file, or a list of files, goes in (`{ file }`, `{ attachments: [...] }`).
 */
export async function gqlUpload<T>(query: string, variables: Record<string, unknown>, files: Record<string, File | File[]>): Promise<T> {
  const token = await credential();
  if (!token) throw new ApiError('Sign in with an API key', 401, 'UNAUTHENTICATED');
  const parts: [path: string, file: File][] = Object.entries(files).flatMap(([name, value]) =>
    Array.isArray(value) ? value.map((file, index): [string, File] => [`variables.${name}.${index}`, file]) : [[`variables.${name}`, value]],
  );
  const nulls = Object.fromEntries(Object.entries(files).map(([name, value]) => [name, Array.isArray(value) ? value.map(() => null) : null]));
  const form = new FormData();
  form.set('operations', JSON.stringify({ query, variables: { ...variables, ...nulls } }));
  form.set('map', JSON.stringify(Object.fromEntries(parts.map(([path], index) => [String(index), [path]]))));
  parts.forEach(([, file], index) => form.set(String(index), file, file.name));
  const response = await fetch('/graphql', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: GraphQLErrors; error?: { code?: string; message?: string } };
  if (body.error) throw new ApiError(body.error.message ?? 'Upload failed', response.status, body.error.code);
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, response.status, first.extensions?.code);
  return body.data as T;
}
