// Certificates through the `api` function: the volunteer's own (issue, list) and 证书查验 for anyone.
import type { Action, ApiContract } from '@core/contract'
import { callApi } from '@services/cloud/api'

type Req<A extends Action> = ApiContract[A]['req']

export const issueCertificate = (req: Req<'issueCertificate'>) => callApi('issueCertificate', req)
export const verifyCertificate = (req: Req<'verifyCertificate'>) => callApi('verifyCertificate', req)
export const myCertificates = () => callApi('myCertificates', {})
