import { IPC, IPC_CHANNELS, type IpcChannel, type IpcRequest, type IpcResultOf } from '../../shared/ipc-contract';
import type { IpcResult } from '../../shared/ipc-views';
import { fail } from './ipc-result';

// The one gate every IPC call goes through, in Electron and in the web-mode e2e bridge
// alike: it refuses senders that are not the app's own window, unknown channels and
// malformed payloads, and turns anything a handler throws into an 'internal' result.
// Nothing throws out of invoke, and no error text from inside reaches the renderer: it
// could quote a request (and with it a password or token).

export type IpcHandler<C extends IpcChannel> = (request: IpcRequest<C>) => Promise<IpcResult<IpcResultOf<C>>>;

export type IpcHandlers = { readonly [C in IpcChannel]: IpcHandler<C> };

export interface IpcSender {
  /** Whether the call came from the app's own top-level page (decided by the caller). */
  trusted: boolean;
}

export interface IpcRouter {
  readonly channels: IpcChannel[];
  invoke(channel: string, payload: unknown, sender: IpcSender): Promise<IpcResult<unknown>>;
}

const FORBIDDEN = 'This request did not come from Plex Sign-In’s own window, so it was refused.';
const UNKNOWN = 'Plex Sign-In does not know this request.';
const MALFORMED = 'The request was not in the form Plex Sign-In expects, so it was refused.';
const INTERNAL = 'Something went wrong inside Plex Sign-In; try again, and restart the app if it keeps happening.';

export function createIpcRouter(handlers: IpcHandlers, log: (line: string) => void = () => {}): IpcRouter {
  const channels = [...IPC_CHANNELS];

  async function invoke(channel: string, payload: unknown, sender: IpcSender): Promise<IpcResult<unknown>> {
    let known: IpcChannel | null = null;
    try {
      if (sender?.trusted !== true) return fail('forbidden', FORBIDDEN);
      if (typeof channel !== 'string' || !Object.hasOwn(IPC, channel)) return fail('invalid-request', UNKNOWN);
      known = channel as IpcChannel;
      const parsed = parsePayload(known, payload);
      if (!parsed) return fail('invalid-request', MALFORMED);
      const handler = handlers[known] as (request: unknown) => Promise<IpcResult<unknown>>;
      return await handler(parsed.data ?? undefined);
    } catch (error) {
      // Only the error's type is logged: its message may quote a secret.
      log(`IPC ${known ?? 'call'} failed: ${errorName(error)}`);
      return fail('internal', INTERNAL);
    }
  }

  return { channels, invoke };
}

/**
 * The validated request, or null. A payload that throws while it is read (a getter, a
 * proxy: nothing IPC's structured clone lets through, but a bridge might) is as malformed
 * as one of the wrong shape: the caller's fault, not an internal error.
 */
function parsePayload(channel: IpcChannel, payload: unknown): { data: unknown } | null {
  try {
    // Only plain data: an object with a prototype could pass fields the schema reads
    // through it (IPC's structured clone strips them, but the e2e bridge may not).
    if (!isPlainData(payload)) return null;
    const parsed = IPC[channel].request.safeParse(payload);
    return parsed.success ? { data: parsed.data } : null;
  } catch {
    return null;
  }
}

function isPlainData(payload: unknown): boolean {
  if (typeof payload !== 'object' || payload === null) return true;
  const proto: unknown = Object.getPrototypeOf(payload);
  return proto === Object.prototype || proto === null;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
