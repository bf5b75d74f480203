// In the browser there is no share card to make live: shares carry no referrer code.
export function useLiveCard(): string | undefined {
  return undefined
}
