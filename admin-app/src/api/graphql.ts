import { credential } from './credential.ts';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
    /** The API's list of what is wrong, when it gives one (BAD_REQUEST of a workflow). */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}

/** One GraphQL call with the current credential; errors become ApiError with the server's safe message. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const token = await credential();
  if (!token) throw new ApiError('Sign in with an API key', 401, 'UNAUTHENTICATED');
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string; extensions?: { code?: string; problems?: string[] } }[]; error?: { code?: string; message?: string } };
  if (body.error) throw new ApiError(body.error.message ?? 'Request failed', response.status, body.error.code);
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, response.status, first.extensions?.code, first.extensions?.problems);
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

/** A GraphQL mutation carrying one file (the multipart request spec); the file goes in `variables.file`. */
export async function gqlUpload<T>(query: string, variables: Record<string, unknown>, file: File): Promise<T> {
  const token = await credential();
  if (!token) throw new ApiError('Sign in with an API key', 401, 'UNAUTHENTICATED');
  const form = new FormData();
  form.set('operations', JSON.stringify({ query, variables: { ...variables, file: null } }));
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  form.set('0', file, file.name);
  const response = await fetch('/graphql', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[]; error?: { code?: string; message?: string } };
  if (body.error) throw new ApiError(body.error.message ?? 'Upload failed', response.status, body.error.code);
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, response.status, first.extensions?.code);
  return body.data as T;
}
