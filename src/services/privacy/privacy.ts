// The privacy actions through the `api` function: a volunteer deletes their data; an NGO's owner exports a call's
// insurance list.
import type { DeleteMyDataRequest, ExportInsuranceListRequest } from '@core/privacy/contract'
import { callApi } from '@services/cloud/api'

export const deleteMyData = (req: DeleteMyDataRequest) => callApi('deleteMyData', req)
export const exportInsuranceList = (req: ExportInsuranceListRequest) => callApi('exportInsuranceList', req)
