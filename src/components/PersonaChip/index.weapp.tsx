// On WeChat the identity is the user's own: no picker.
export default function PersonaChip() {
  return null
}
