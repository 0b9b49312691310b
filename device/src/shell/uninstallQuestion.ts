/**
 * The question before a provider is uninstalled: what goes, counted. Its store is deleted, so each of
 * its contacts leaves every app (a person other providers also have stays, with what those have).
 */
export function uninstallQuestion(providerName: string, contacts: number | undefined): string {
  const what =
    contacts === undefined
      ? 'its contacts'
      : contacts === 1
        ? 'its 1 contact'
        : `its ${contacts.toLocaleString('en')} contacts`;
  return `Uninstall ${providerName}? This deletes ${what} from the phone; people that other providers also have stay, with what those have.`;
}
