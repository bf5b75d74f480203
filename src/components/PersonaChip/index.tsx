// On WeChat the identity is the user's own: no picker. (The H5 build uses index.h5.tsx instead.)
export default function PersonaChip() {
  return null
}
