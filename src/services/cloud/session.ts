// Who can act: on WeChat everyone but a page opened from Moments (scene 1154); in the browser any persona but 游客.

/** true when the backend will see no OPENID: pages then render read-only with a hint. */
export declare function isAnonymous(): boolean
