// Step 3 as the page mounts it: TokenStep with the error card's relay box (a chunk of its own, loaded when step 3 shows).
import { RelayToggle } from '../../../components/RelayToggle';
import { TokenStep, type TokenStepProps } from './TokenStep';

export interface TokenStepSlotProps extends Omit<TokenStepProps, 'relayControl'> {
  relayUrl: string;
  /** The error card's `Send through the local relay` box sets the form's field. */
  onViaRelay: (viaRelay: boolean) => void;
}

/** Step 3: the token run (attempts, response or error card with the relay box, token checks, history). */
export function TokenStepSlot({ relayUrl, onViaRelay, ...props }: TokenStepSlotProps) {
  const relayControl = <RelayToggle checked={props.form.viaRelay} onChange={onViaRelay} relayUrl={relayUrl} />;
  return <TokenStep {...props} relayControl={relayControl} />;
}
