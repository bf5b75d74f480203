// Who can act: on WeChat everyone but a page opened from Moments (scene 1154); in the browser any persona but 游客.

/** true when the backend will see no OPENID: pages then render read-only with a hint. */
export declare function isAnonymous(): boolean

/** Under a call, for an anonymous visitor: how to become one who can sign up. */
export declare const PREVIEW_HINT: string

/** On 我的, for an anonymous visitor: how to see one's own sign-ups. */
export declare const SIGN_IN_HINT: string
