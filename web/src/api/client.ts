// The one way the app talks to `unload serve`. Every response that is not 2xx becomes an
// ApiError carrying the server's error document ({"error": {code, field, message}}), so a page can
// say which field was wrong. When the server asks for a token (it listens beyond this computer),
// the token the person typed is kept in this browser and sent as a bearer token. Every write
// carries an Idempotency-Key (see idempotency.ts), so a write resent after a lost answer is stored
// once.
import { IDEMPOTENCY_HEADER, PendingWrites } from './idempotency';
import type { ErrorDocument } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly field: string | undefined,
    message: string,
    /** The answer's WWW-Authenticate header (`Bearer` when the server asks for its access token). */
    readonly challenge: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** True when the request never reached the server (offline, server stopped). */
  get offline(): boolean {
    return this.status === 0;
  }
}

const TOKEN_KEY = 'unload.token';

export function storedToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

/** Reads an error document, or makes one from the status when the body is something else. */
export async function errorFrom(response: Response): Promise<ApiError> {
  let document: Partial<ErrorDocument> = {};
  try {
    document = (await response.json()) as Partial<ErrorDocument>;
  } catch {
    // Not JSON (a proxy's page, say): the status alone has to do.
  }
  const error = document.error;
  return new ApiError(
    response.status,
    error?.code ?? `http_${response.status}`,
    error?.field,
    error?.message ?? `The server answered ${response.status} ${response.statusText}.`,
    response.headers.get('WWW-Authenticate'),
  );
}

/**
 * Called with every `401 unauthorized` the API answers, so the app can tell when a clinic's
 * session has ended (api/session.ts decides what it means; the token form stays with the pages).
 */
type UnauthorizedListener = (path: string, error: ApiError) => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Writes sent whose answer has not settled them, so a resend of the same write keeps its key. */
export const pendingWrites = new PendingWrites();

export interface RequestOptions {
  /** The write's own key (the outbox keeps one per session); otherwise one from pendingWrites. */
  idempotencyKey?: string;
}

export async function request(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = storedToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const text = body === undefined ? undefined : JSON.stringify(body);
  if (text !== undefined) headers['Content-Type'] = 'application/json';
  const write = method !== 'GET';
  if (write) headers[IDEMPOTENCY_HEADER] = options.idempotencyKey ?? pendingWrites.keyFor(method, path, text);
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: text, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'offline', undefined, 'Could not reach Unload. Check the connection.');
  }
  if (write && options.idempotencyKey === undefined) pendingWrites.answered(method, path, text, response.status);
  if (!response.ok) {
    const error = await errorFrom(response);
    if (error.status === 401 && error.code === 'unauthorized') {
      for (const listener of unauthorizedListeners) listener(path, error);
    }
    throw error;
  }
  return response;
}

async function json<T>(method: Method, path: string, body?: unknown, options?: RequestOptions): Promise<T> {
  const response = await request(method, path, body, options);
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string) => json<T>('GET', path),
  post: <T>(path: string, body: unknown, options?: RequestOptions) => json<T>('POST', path, body, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => json<T>('PUT', path, body, options),
  delete: <T>(path: string, body?: unknown, options?: RequestOptions) => json<T>('DELETE', path, body, options),
};
