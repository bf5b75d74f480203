// The privacy actions through the `api` function: a volunteer deletes their data.
import type { DeleteMyDataRequest } from '@core/privacy/contract'
import { callApi } from '@services/cloud/api'

export const deleteMyData = (req: DeleteMyDataRequest) => callApi('deleteMyData', req)
