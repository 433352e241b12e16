import { ClaimsPanel } from './claims-panel';
import { CollectorsPanel } from './collectors-panel';
import { SatisfactionPanel } from './satisfaction-panel';
import { SettingsSection } from './settings-section';

/**
 * Configurações: storefront feedback (the collectors that bring it in, the satisfaction it adds up to, the
 * contacts it claims, waiting for the seller's answer), then where the book is kept and how it is backed up.
 * Satisfaction moves to Painel and the claims to Hoje once those screens exist.
 */
export function SettingsScreen() {
  return (
    <>
      <ClaimsPanel />
      <CollectorsPanel />
      <SatisfactionPanel />
      <SettingsSection />
    </>
  );
}
