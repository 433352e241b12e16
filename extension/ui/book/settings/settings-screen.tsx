import { ClaimsPanel } from './claims-panel';
import { CollectorsPanel } from './collectors-panel';
import { QuickRepliesPanel } from './quick-replies-panel';
import { SatisfactionPanel } from './satisfaction-panel';
import { SellerPanel } from './seller-panel';
import { SettingsSection } from './settings-section';
import { ShopsPanel } from './shops-panel';
import { TagsPanel } from './tags-panel';
import { TodayNoticePanel } from './today-notice-panel';

/**
 * Configurações: contacts storefront feedback claims (waiting for the seller's answer, so first), the seller's shop
 * (time zone, chave PIX), the daily Hoje notification, their shops on their own domains (where the sidebar runs beside orders), their tags and quick replies, the feedback collectors and the satisfaction they add up
 * to, then where the book is kept and how it is backed up.
 * Satisfaction moves to Painel and the claims to Hoje once those screens exist.
 */
export function SettingsScreen() {
  return (
    <>
      <ClaimsPanel />
      <SellerPanel />
      <TodayNoticePanel />
      <ShopsPanel />
      <TagsPanel />
      <QuickRepliesPanel />
      <CollectorsPanel />
      <SatisfactionPanel />
      <SettingsSection />
    </>
  );
}
