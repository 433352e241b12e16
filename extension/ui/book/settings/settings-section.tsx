import { BackupPanel } from '../backup/backup-panel';
import { useBackupPage } from '../backup/backup-page';
import { StoragePanel } from './storage-panel';

/** Where the book is kept and how it is backed up (a part of Configurações). */
export function SettingsSection() {
  const { t } = useBackupPage();
  return (
    <section class="settings" aria-labelledby="settings-title" data-testid="settings">
      <h2 id="settings-title">{t('settingsBook')}</h2>
      <StoragePanel />
      <BackupPanel />
    </section>
  );
}
