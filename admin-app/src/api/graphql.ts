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

const signedOut = new EventTarget();

/**
 * Every 401 the API gives, from any page or panel (an expired session, a revoked key):
 * the app listens once and shows its sign-in form instead of each page handling it.
 */
export function onSignedOut(listener: (error: ApiError) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<ApiError>).detail);
  signedOut.addEventListener('signed-out', handler);
  return () => signedOut.removeEventListener('signed-out', handler);
}

function failure(error: ApiError): ApiError {
  if (error.status === 401) signedOut.dispatchEvent(new CustomEvent('signed-out', { detail: error }));
  return error;
}

async function bearer(): Promise<string> {
  const token = await credential();
  if (!token) throw failure(new ApiError('Sign in with an API key', 401, 'UNAUTHENTICATED'));
  return token;
}

/** Posts to /graphql; errors become ApiError with the server's safe message and its list of problems. */
async function post<T>(body: BodyInit, headers: Record<string, string>, what: string): Promise<T> {
  const response = await fetch('/graphql', { method: 'POST', headers: { authorization: `Bearer ${await bearer()}`, ...headers }, body });
  const answer = (await response.json().catch(() => ({}))) as { data?: T; errors?: GraphQLErrors; error?: { code?: string; message?: string } };
  if (answer.error) throw failure(new ApiError(answer.error.message ?? `${what} failed`, response.status, answer.error.code));
  const first = answer.errors?.[0];
  if (first) throw failure(new ApiError(first.message, response.status, first.extensions?.code, problemsOf(first.extensions)));
  if (!answer.data) throw failure(new ApiError('Empty answer', response.status, undefined));
  return answer.data;
}

/** One GraphQL call with the current credential. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return post<T>(JSON.stringify({ query, variables }), { 'content-type': 'application/json' }, 'Request');
}

/** An authenticated GET of a binary resource (the job ticket PDF, a message attachment). */
export async function fetchBlob(path: string): Promise<Blob> {
  const response = await fetch(path, { headers: { authorization: `Bearer ${await bearer()}` } });
  if (!response.ok) throw failure(new ApiError(`Download failed (${response.status})`, response.status, undefined));
  return response.blob();
}

/**
 * A GraphQL mutation carrying files (the multipart request spec): each key of `files` is
 * the variable a file, or a list of files, goes in (`{ file }`, `{ attachments: [...] }`).
 */
export async function gqlUpload<T>(query: string, variables: Record<string, unknown>, files: Record<string, File | File[]>): Promise<T> {
  const parts: [path: string, file: File][] = Object.entries(files).flatMap(([name, value]) =>
    Array.isArray(value) ? value.map((file, index): [string, File] => [`variables.${name}.${index}`, file]) : [[`variables.${name}`, value]],
  );
  const nulls = Object.fromEntries(Object.entries(files).map(([name, value]) => [name, Array.isArray(value) ? value.map(() => null) : null]));
  const form = new FormData();
  form.set('operations', JSON.stringify({ query, variables: { ...variables, ...nulls } }));
  form.set('map', JSON.stringify(Object.fromEntries(parts.map(([path], index) => [String(index), [path]]))));
  parts.forEach(([, file], index) => form.set(String(index), file, file.name));
  return post<T>(form, {}, 'Upload');
}
