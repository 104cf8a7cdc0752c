import { DevicesPanel } from './devices-panel';
import { ServersPanel } from './servers-panel';
import { ToolTokensPanel } from './tool-tokens-panel';

/** Below the account card: the tool tokens, the servers, the Authorized Devices clean-up. */
export function AccountPanels() {
  return (
    <>
      <ToolTokensPanel />
      <ServersPanel />
      <DevicesPanel />
    </>
  );
}
