import { useState } from 'react';
import { DevicesPanel } from './devices-panel';
import { ServersPanel } from './servers-panel';
import { ToolTokensPanel } from './tool-tokens-panel';

/** Below the account card: the tool tokens, the servers, the Authorized Devices clean-up. */
export function AccountPanels() {
  // A tool token made or revoked is a device added or gone: the devices list is re-read.
  const [toolChanges, setToolChanges] = useState(0);
  return (
    <>
      <ToolTokensPanel onChange={() => setToolChanges((n) => n + 1)} />
      <ServersPanel />
      <DevicesPanel refresh={toolChanges} />
    </>
  );
}
