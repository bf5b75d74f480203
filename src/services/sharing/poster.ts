// Posters: on WeChat the `poster` function, the photo album and the share-image menu; in the browser a download.
import type { ApiResult } from '@core/shared/errors'
import type { PosterResponse } from '@core/sharing/poster'

/** Asks the `poster` function for the call's poster (with the caller's referrer in its code); never throws. */
export declare function makePoster(callId: string): Promise<ApiResult<PosterResponse>>

/** Saves the poster to the photo album (asking again, via the settings page, if the user refused before). */
export declare function savePoster(url: string): Promise<boolean>

/** Whether the poster can be sent straight to a chat (WeChat's showShareImageMenu). */
export declare const canSendToChat: boolean

export declare function sendToChat(url: string): Promise<void>
