import { clipboard } from 'electron';
import type { ClipboardPort } from '../node/ports';

/** The system clipboard as the app's ClipboardPort. */
export function createElectronClipboard(): ClipboardPort {
  return {
    writeText: (text) => clipboard.writeText(text),
    readText: () => clipboard.readText(),
    clear: () => clipboard.clear(),
  };
}
