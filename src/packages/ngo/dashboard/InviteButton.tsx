// Passing on an organizer's invitation: on WeChat a share card to a chat; in the browser a link to copy.

export interface InviteButtonProps {
  /** the invitation's code (its link is invitePath(code)) */
  code: string
}

declare const InviteButton: (props: InviteButtonProps) => JSX.Element
export default InviteButton
