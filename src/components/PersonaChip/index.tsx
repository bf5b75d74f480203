// Who the app acts as: on WeChat the user's own account (no chip); in the browser a chip that switches persona.

declare const PersonaChip: () => JSX.Element | null
export default PersonaChip
