// What a page shows when its data could not be read: the reason and a retry, with the persona chip still there
// (on H5 a wrong identity is a common reason, so switching must stay one tap away).
import EmptyState from '@components/EmptyState'
import PersonaChip from '@components/PersonaChip'

interface Props {
  message: string
  onRetry: () => void
}

export default function LoadFailed({ message, onRetry }: Props) {
  return (
    <>
      <EmptyState
        icon="warning"
        title="加载失败"
        description={message}
        actionText="重试"
        onAction={onRetry}
      />
      <PersonaChip />
    </>
  )
}
