// Shapes shared by the fake plex.tv server and its test client (docs/plex-api.md §6.4).
// They live apart from both so the client can be typed without loading the server.

/** One request the fake received under /api/v2 (or at /devices…xml), as listed by GET /__fake/requests. */
export interface FakeRequest {
  method: string;
  /** Path without the query string, e.g. `/api/v2/users/signin`. */
  path: string;
  /** Query-string parameters (a `password` parameter is dropped, never recorded). */
  query: Record<string, string>;
  /** Header names in lower case. The body is never recorded. */
  headers: Record<string, string>;
}

/** One live token, as plex.tv's Authorized Devices list would show it. */
export interface FakeDevice {
  /** The account's username. */
  login: string;
  clientIdentifier: string;
  /** From the X-Plex-Product, X-Plex-Device, X-Plex-Device-Name and X-Plex-Platform headers; null when not sent. */
  product: string | null;
  device: string | null;
  deviceName: string | null;
  platform: string | null;
  token: string;
}

/** One entry of GET /__fake/devices: a live token, and whether it is one alice starts with. */
export interface FakeDeviceEntry extends FakeDevice {
  seeded: boolean;
}

/** A canned answer for the next `times` requests matching `method` and `path`. */
export interface FaultSpec {
  /** HTTP method to match; any method when omitted. */
  method?: string;
  /** Full path to match, without query string, e.g. `/api/v2/users/signin`. */
  path: string;
  /** How many matching requests get this answer (default 1). */
  times?: number;
  /** Status of the faked answer; without one the real answer is sent (after `delayMs`). */
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  contentType?: string;
  /** Wait this long before the faked answer, or before the real one when `status` is absent. */
  delayMs?: number;
  /** Destroy the socket instead of answering. */
  reset?: boolean;
}
